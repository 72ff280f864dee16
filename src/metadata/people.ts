import { fold } from './fold';
import { IPerson } from './types';

/**
 * People of a role shown before "Show all": enough to pick someone, few
 * enough for a narrow sidebar.
 */
export const PEOPLE_SHOWN = 5;

/**
 * Above this many people, a role offers a filter.
 */
export const FILTER_ABOVE = 8;

/**
 * The people whose name or a username holds every word of `query`, with
 * case and accents ignored ("okafor", "tomas ruiz"); everyone when the
 * query is blank. The order is kept.
 */
export function filterPeople(people: IPerson[], query: string): IPerson[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return people;
  }
  return people.filter(person => {
    const fields = [person.name, ...person.usernames].map(fold);
    return words.every(word => fields.some(field => field.includes(word)));
  });
}

/**
 * What a role's list of people shows.
 */
export interface IPeopleList {
  /**
   * The people to show now.
   */
  shown: IPerson[];
  /**
   * How many match the query (everyone when it is blank).
   */
  matching: number;
  /**
   * How many match but are not shown until "Show all".
   */
  hidden: number;
  /**
   * Whether the matches are more than the first few, so that the list can
   * be opened ("Show all") and closed again.
   */
  collapsible: boolean;
  /**
   * Whether the role has enough people to offer a filter.
   */
  filterable: boolean;
}

/**
 * A role's people as its list shows them: those matching `query`, the first
 * few of them unless `expanded`.
 */
export function listPeople(
  people: IPerson[],
  query: string,
  expanded: boolean
): IPeopleList {
  const filterable = people.length > FILTER_ABOVE;
  const matches = filterable ? filterPeople(people, query) : people;
  const shown = expanded ? matches : matches.slice(0, PEOPLE_SHOWN);
  return {
    shown,
    matching: matches.length,
    hidden: matches.length - shown.length,
    collapsible: matches.length > PEOPLE_SHOWN,
    filterable
  };
}

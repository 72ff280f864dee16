import { localize } from '../metadata/localize';
import {
  IContactPoint,
  isEmptyContactPoint,
  IReportRoute,
  IRoute,
  Resolver
} from '../metadata/resolve';
import { ITrans } from '../metadata/trans';
import { IHubMetadata, LocalizedString } from '../metadata/types';
import { reportCategories } from './categories';
import { Affected, composeReport } from './compose';
import {
  IDelivery,
  prepareDelivery,
  reportTargets,
  sharedAddresses
} from './deliver';
import type { IReportRecord } from '../hub/reports';
import { diagnosticsText, IDiagnostics } from './diagnostics';

/**
 * What the person typed into the report form. An empty `categoryId` means
 * they have not chosen yet.
 */
export interface IReportValues {
  categoryId: string;
  description: string;
  affected: Affected;
}

export interface IReportInputs {
  metadata: IHubMetadata;
  resolver: Resolver;
  language: string;
  values: IReportValues;
  diagnostics: IDiagnostics;
  /**
   * The session's redaction (its hub token), applied to everything that
   * leaves the page.
   */
  redact: (text: string) => string;
  /**
   * The reporter's language for the report text, the last category's label
   * and the note that ends a shortened email.
   */
  trans: ITrans;
  /**
   * The hub help service keeps reports: sending it there comes first.
   */
  keepsReports?: boolean;
}

/**
 * Why the report goes where it goes, for this viewer:
 * - `self`: they handle reports like this one themselves;
 * - `user`: they hold no role on the way up, and report to `target`;
 * - `role`: as `held`, the highest role they hold on the way up, they take
 *   what they cannot solve to `target`.
 * Role labels are localized.
 */
export type ReportReason =
  | { kind: 'self' }
  | { kind: 'user'; target: string }
  | { kind: 'role'; held: string; target: string };

/**
 * The one line above everything else: to whom the report goes.
 * - `shared`: the role's shared addresses receive it, however many people
 *   hold the role;
 * - `people`: the role's `count` people receive it;
 * - `role`: the role is reached only through its forms or chat;
 * - `nobody`: nobody is listed, so it can only be copied.
 * `responseTime` is the first answer time the role's channels give.
 */
export type ReportSummary =
  | { kind: 'self' }
  | {
      kind: 'shared';
      role: string;
      addresses: string[];
      responseTime?: string;
    }
  | { kind: 'people'; role: string; count: number; responseTime?: string }
  | { kind: 'role'; role: string; responseTime?: string }
  | { kind: 'nobody'; role: string };

/**
 * A way to send the report.
 * - `hub`: stored by the hub help service, for the hub's own helpers;
 * - `email`: a mailto: link; `trimmed` says its body was shortened and
 *   `omitted` lists the addresses that did not fit in it;
 * - `form`: one of the role's forms, filled in; `label` is the operator's
 *   name for it, if any;
 * - `copy`: the text, to paste anywhere.
 */
export type ReportAction =
  | { kind: 'hub' }
  | { kind: 'email'; url: string; trimmed: boolean; omitted: string[] }
  | { kind: 'form'; url: string; label: string }
  | { kind: 'copy' };

/**
 * A way to send that does not need the hub help service.
 */
export type LinkAction = Exclude<ReportAction, { kind: 'hub' }>;

/**
 * Everything the report dialog shows, answered in one place: views render
 * it and decide nothing.
 */
export interface IPreparedReport {
  /**
   * The categories to choose from: the operator's, then "something else".
   */
  categories: { id: string; label: string }[];
  /**
   * What the form shows: the typed values, with the category the person
   * chose when it is still offered, else the first one.
   */
  values: IReportValues;
  /**
   * The route the report takes. When the role reached has a shared email
   * address, its people are left out of it: the report goes to the address.
   */
  route: IRoute;
  reason: ReportReason;
  summary: ReportSummary;
  /**
   * Every answer time the reached role's channels give, localized.
   */
  responseTimes: string[];
  statusPage?: string;
  /**
   * The exact text that is sent or copied, redacted.
   */
  text: string;
  /**
   * What the hub help service is sent, redacted.
   */
  record: IReportRecord;
  /**
   * The ways to send it, the recommended one first: the hub's helpers
   * (when the service keeps reports), email, then each form, then copying,
   * which is always possible.
   */
  actions: ReportAction[];
}

/**
 * Prepare the report of a problem for the person looking: where it goes and
 * why, and what leaves the page, from the resolver's answers.
 */
export function prepareReport(inputs: IReportInputs): IPreparedReport {
  const { metadata, resolver, language, diagnostics, trans } = inputs;
  const label = (value: LocalizedString | undefined) =>
    localize(value, language);
  const categories = reportCategories(metadata, language, trans);
  // A draft may name a category that a newer document no longer has.
  const chosen =
    categories.find(c => c.id === inputs.values.categoryId) ?? categories[0];
  const values = { ...inputs.values, categoryId: chosen.id };
  const category = metadata.outageCategories.find(c => c.id === chosen.id);
  const found = resolver.routeReport(category?.recipient);
  const reached = found.via ?? found.contact;
  const point = reached && sharedOnly(reached);
  const route: IReportRoute = !point
    ? found
    : found.via
      ? { ...found, via: point }
      : { ...found, contact: point };
  const responseTimes = (point?.channels ?? [])
    .filter(c => c.responseTime)
    .map(c => label(c.responseTime));

  const report = composeReport(
    {
      hubName: label(metadata.hub.name) || diagnostics.hubUrl,
      categoryLabel: chosen.label,
      description: values.description,
      affected: values.affected,
      diagnostics
    },
    trans
  );
  // "Copy report" is the dialog's button of that name.
  const trimmedNote = trans.__(
    '[This report was shortened. Paste the full text, copied with "Copy report", here.]'
  );
  const delivery = prepareDelivery(
    report,
    reportTargets(point, c => label(c.label as LocalizedString | undefined)),
    {
      hubUrl: diagnostics.hubUrl,
      user: diagnostics.user,
      server: [diagnostics.serverUser, diagnostics.serverName]
        .filter(Boolean)
        .join('/'),
      category: chosen.label,
      description: values.description,
      time: diagnostics.timeUtc,
      categoryId: chosen.id,
      affected: values.affected,
      diagnostics: diagnosticsText(diagnostics, trans),
      pagePath: diagnostics.pagePath
    },
    { redact: inputs.redact, trimmedNote }
  );
  const actions: ReportAction[] = [
    ...(inputs.keepsReports ? [{ kind: 'hub' as const }] : []),
    ...linkActions(delivery)
  ];

  return {
    categories,
    values,
    route,
    reason: reason(route, label),
    summary: summary(point, responseTimes[0], label),
    responseTimes,
    statusPage: metadata.statusPage,
    text: delivery.text,
    record: delivery.record,
    actions
  };
}

/**
 * The ways a prepared text leaves the page by itself: its email, each
 * form that makes an allowed link, then copying, which is always possible.
 */
export function linkActions(delivery: IDelivery): LinkAction[] {
  return [
    ...(delivery.mail ? [{ kind: 'email' as const, ...delivery.mail }] : []),
    ...delivery.forms.flatMap(form =>
      form.url
        ? [{ kind: 'form' as const, url: form.url, label: form.label }]
        : []
    ),
    { kind: 'copy' }
  ];
}

/**
 * A contact point as a report reaches it: its shared email addresses alone
 * when it has any (one address for fifty administrators), else everyone.
 */
function sharedOnly(point: IContactPoint): IContactPoint {
  return sharedAddresses(point).length > 0 ? { ...point, people: [] } : point;
}

function reason(
  route: IReportRoute,
  label: (value: LocalizedString | undefined) => string
): ReportReason {
  if (route.kind === 'self') {
    return { kind: 'self' };
  }
  const target = label((route.via ?? route.contact)!.role.label);
  return route.reportsAs
    ? { kind: 'role', held: label(route.reportsAs.label), target }
    : { kind: 'user', target };
}

function summary(
  point: IContactPoint | undefined,
  responseTime: string | undefined,
  label: (value: LocalizedString | undefined) => string
): ReportSummary {
  if (!point) {
    return { kind: 'self' };
  }
  const role = label(point.role.label);
  if (isEmptyContactPoint(point)) {
    return { kind: 'nobody', role };
  }
  const addresses = sharedAddresses(point);
  if (addresses.length > 0) {
    return { kind: 'shared', role, addresses, responseTime };
  }
  return point.people.length > 0
    ? { kind: 'people', role, count: point.people.length, responseTime }
    : { kind: 'role', role, responseTime };
}

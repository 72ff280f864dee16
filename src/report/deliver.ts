import { checkLink, encodeAddress, mailtoHref } from '../metadata/links';
import { LIMITS } from '../metadata/limits';
import { cutText, wellFormed } from '../metadata/text';
import type { IReportRecord } from '../hub/reports';
import { IReport } from './compose';

/**
 * A mailto: link: `omitted` lists the recipients that did not fit, and
 * `trimmed` says whether the body was shortened.
 */
export interface IMailto {
  url: string;
  trimmed: boolean;
  omitted: string[];
}

/**
 * A mailto: URL with subject and body within `maxLength`: recipients take
 * at most half of it (the rest are listed in `omitted`), the subject a
 * quarter, and the body is cut on whole characters, followed by
 * `trimmedNote`, when too long.
 */
export function mailtoUrl(
  recipients: string[],
  subject: string,
  body: string,
  trimmedNote: string,
  maxLength: number = LIMITS.mailtoMaxChars
): IMailto {
  const kept: string[] = [];
  const omitted: string[] = [];
  let toLength = 0;
  for (const recipient of recipients) {
    const one = encodeAddress(recipient).length;
    if (toLength + one + 1 > maxLength / 2) {
      omitted.push(recipient);
    } else {
      kept.push(recipient);
      toLength += one + 1;
    }
  }
  const head = mailtoHref(
    kept,
    `subject=${fitEncoded(wellFormed(subject), maxLength / 4)}&body=`
  );
  const room = maxLength - head.length;
  const text = wellFormed(body);
  const full = encodeURIComponent(text);
  if (full.length <= room) {
    return { url: head + full, trimmed: false, omitted };
  }
  const note = `\n\n${wellFormed(trimmedNote)}`;
  const cut =
    encodeURIComponent(note).length <= room
      ? fitEncoded(text, room, note)
      : fitEncoded(text, room);
  return { url: head + cut, trimmed: true, omitted };
}

/**
 * The encoded form of the longest whole-character cut of `text` (followed by
 * `suffix`) that fits in `room` characters, found by halving: encoding
 * lengthens each character differently. A cut longer than `room` could not
 * fit, so the search never looks further, whatever the text's length.
 */
function fitEncoded(text: string, room: number, suffix = ''): string {
  const encode = (length: number) =>
    encodeURIComponent(cutText(text, length) + suffix);
  let low = 0;
  let high = Math.min(text.length, Math.floor(room));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (encode(mid).length <= room) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  const fitted = encode(low);
  return fitted.length <= room ? fitted : '';
}

/**
 * Fill an operator's form URL template: each {placeholder} becomes its value,
 * URL-encoded; unknown placeholders become empty. Returns null when the
 * result is not an allowed link.
 */
export function fillTemplate(
  template: string,
  values: { [name: string]: string }
): string | null {
  const url = template.replace(/\{([a-z_]+)\}/g, (_, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name)
      ? encodeURIComponent(wellFormed(values[name]))
      : ''
  );
  return checkLink(url) ? url : null;
}

/**
 * What the report form needs to know about the session and the problem.
 */
export interface IFormValues {
  hubUrl: string;
  user: string;
  server: string;
  category: string;
  description: string;
  time: string;
}

/**
 * What the report adds to the form's values when the hub keeps it: the
 * chosen category's id, who is affected, the diagnostics and the page.
 */
export interface IRecordValues {
  categoryId: string;
  affected: string;
  diagnostics: string;
  pagePath: string;
}

/**
 * Where the report may go: the recipients' addresses and the role's forms.
 */
export interface IDeliveryTargets {
  emails: string[];
  forms: { label: string; template?: string; address: string }[];
}

/**
 * Everything of the report that leaves the page, built in one place so that
 * each piece is redacted: the copied text, the email link and the form links.
 */
export interface IDelivery {
  text: string;
  mail: IMailto | null;
  forms: { label: string; url: string | null }[];
  /**
   * What the hub help service is sent, when it keeps reports.
   */
  record: IReportRecord;
}

export function prepareDelivery(
  report: IReport,
  targets: IDeliveryTargets,
  values: IFormValues & IRecordValues,
  options: { redact: (text: string) => string; trimmedNote: string }
): IDelivery {
  const { redact } = options;
  const subject = redact(report.subject);
  const body = redact(report.body);
  const description = redact(values.description.trim());
  const filled = {
    hub_url: redact(values.hubUrl),
    user: values.user,
    server: values.server,
    category: values.category,
    summary: `${values.category}: ${cutText(description, LIMITS.summaryMaxChars)}`,
    description,
    time: values.time
  };
  return {
    record: {
      category: values.categoryId,
      summary: filled.summary,
      description,
      affected: values.affected,
      diagnostics: redact(values.diagnostics),
      pagePath: redact(values.pagePath)
    },
    text: `${subject}\n\n${body}`,
    mail: targets.emails.length
      ? mailtoUrl(targets.emails, subject, body, options.trimmedNote)
      : null,
    forms: targets.forms.map(form => ({
      label: form.label,
      url: form.template
        ? fillTemplate(form.template, filled)
        : checkLink(form.address)
          ? form.address
          : null
    }))
  };
}

/**
 * Where a report to a contact point goes: the role's shared addresses when
 * it has any (one address for fifty administrators), else each person's.
 */
export function reportTargets(
  point:
    | {
        channels: {
          kind: string;
          address: string;
          formTemplate?: string;
          label?: unknown;
        }[];
        people: { contact: { email?: string } }[];
      }
    | undefined,
  formLabel: (channel: { label?: unknown }) => string
): IDeliveryTargets {
  if (!point) {
    return { emails: [], forms: [] };
  }
  const shared = sharedAddresses(point);
  const personal = point.people
    .map(p => p.contact.email)
    .filter((e): e is string => !!e);
  return {
    emails: shared.length > 0 ? shared : personal,
    forms: point.channels
      .filter(c => c.kind === 'url')
      .map(c => ({
        label: formLabel(c),
        template: c.formTemplate,
        address: c.address
      }))
  };
}

/**
 * A role's shared email addresses: where its reports go rather than to each
 * of its people.
 */
export function sharedAddresses(point: {
  channels: { kind: string; address: string }[];
}): string[] {
  return point.channels.filter(c => c.kind === 'email').map(c => c.address);
}

/**
 * What the person typed survives closing the dialog until the report went
 * out; the dialog's state follows every change.
 */
import {
  IDiagnostics,
  IPreparedReport,
  IReportValues,
  ReportDraft,
  ReportSession
} from '..';

const diagnostics = (server: IDiagnostics['serverAnswers']) =>
  ({ serverAnswers: server }) as IDiagnostics;

/**
 * A stand-in for prepareReport: the text shows what it was prepared from.
 */
const prepare = (values: IReportValues, d: IDiagnostics): IPreparedReport =>
  ({
    values,
    text: `${values.categoryId}|${values.description}|${values.affected}|${d.serverAnswers}`,
    actions: [{ kind: 'copy' }]
  }) as IPreparedReport;

const open = (draft: ReportDraft) =>
  new ReportSession({ draft, diagnostics: diagnostics('unknown'), prepare });

describe('the report draft', () => {
  it('survives closing and reopening while nothing was sent', () => {
    const draft = new ReportDraft();
    const first = open(draft);
    first.update({ categoryId: 'slow', description: 'Slow since 9:00' });
    first.update({ affected: 'me' });
    first.close();
    expect(open(draft).state.report.text).toBe(
      'slow|Slow since 9:00|me|unknown'
    );
  });

  it.each(['email', 'form', 'copy'] as const)(
    'starts over once the report went out by %s and the dialog closed',
    kind => {
      const draft = new ReportDraft();
      const session = open(draft);
      session.update({ description: 'Down' });
      session.sent(kind);
      // Still shown until the dialog closes.
      expect(session.state.report.text).toBe('|Down|unknown|unknown');
      expect(session.state.sent).toBe(kind);
      session.close();
      expect(open(draft).state.report.text).toBe('||unknown|unknown');
    }
  );

  it('is a draft again when changed after it went out', () => {
    const draft = new ReportDraft();
    const session = open(draft);
    session.update({ description: 'Down' });
    session.sent('copy');
    session.update({ description: 'Down, and more' });
    expect(session.state.sent).toBeNull();
    session.close();
    expect(open(draft).state.report.text).toBe(
      '|Down, and more|unknown|unknown'
    );
  });
});

describe('the report session', () => {
  it('tells its views of every change, with a new state each time', () => {
    const session = open(new ReportDraft());
    const seen: string[] = [];
    const stop = session.subscribe(() => seen.push(session.state.report.text));
    const before = session.state;
    session.update({ description: 'x' });
    expect(session.state).not.toBe(before);
    session.setDiagnostics(diagnostics('yes'));
    session.sent('copy');
    stop();
    session.update({ description: 'y' });
    expect(seen).toEqual([
      '|x|unknown|unknown',
      '|x|unknown|yes',
      '|x|unknown|yes'
    ]);
  });

  it('keeps what went out when prepared again', () => {
    const session = open(new ReportDraft());
    session.sent('email');
    session.refresh();
    expect(session.state.sent).toBe('email');
  });
});

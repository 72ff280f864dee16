/**
 * What the person typed survives closing the dialog until the report went
 * out; the dialog's state follows every change.
 */
import type { FileResult, IStoredReport } from '../../hub/reports';
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

describe('sending to the hub', () => {
  const withRecord = (values: IReportValues, d: IDiagnostics) => ({
    ...prepare(values, d),
    record: { category: values.categoryId, description: values.description }
  });
  const hubSession = (answers: FileResult[], draft = new ReportDraft()) => {
    const filed: string[] = [];
    const queued: string[] = [];
    let next = 0;
    const session = new ReportSession({
      draft,
      diagnostics: diagnostics('unknown'),
      prepare: withRecord as typeof prepare,
      newKey: () => `key-${++next}`,
      hub: () => ({
        file: async (_, key) => {
          filed.push(key);
          return answers.shift()!;
        },
        queue: (_, key) => queued.push(key),
        summarize: async category =>
          category === 'slow'
            ? {
                category,
                others: 2,
                acknowledged: null,
                windowMinutes: 30
              }
            : undefined
      })
    });
    return { session, filed, queued };
  };
  const report = { reference: 'R-1001' } as IStoredReport;

  it('sends under one key however often it is asked, and a changed report under another', async () => {
    const { session, filed } = hubSession([
      { kind: 'limited', retryAfterSeconds: 600, message: '' },
      { kind: 'stored', report },
      { kind: 'stored', report }
    ]);
    await session.sendToHub();
    expect(session.state.hub).toEqual({
      kind: 'limited',
      retryAfterSeconds: 600
    });
    await session.sendToHub();
    expect(session.state.hub).toEqual({ kind: 'stored', reference: 'R-1001' });
    expect(session.state.sent).toBe('hub');
    session.update({ description: 'Also slow' });
    expect(session.state.hub).toBeUndefined();
    await session.sendToHub();
    expect(filed).toEqual(['key-1', 'key-1', 'key-2']);
  });

  it('does not send twice while sending', async () => {
    const { session, filed } = hubSession([{ kind: 'stored', report }]);
    await Promise.all([session.sendToHub(), session.sendToHub()]);
    expect(filed).toEqual(['key-1']);
  });

  it('keeps the report in the browser when the hub does not answer, and starts over', async () => {
    const draft = new ReportDraft();
    const { session, queued } = hubSession(
      [{ kind: 'unreachable', message: 'timeout' }],
      draft
    );
    session.update({ description: 'Down' });
    await session.sendToHub();
    expect(queued).toEqual(['key-1']);
    expect(session.state).toMatchObject({
      sent: 'hub',
      hub: { kind: 'queued' }
    });
    session.close();
    expect(open(draft).state.report.values.description).toBe('');
  });

  it("shows the service's words when it refuses, and stays a draft", async () => {
    const { session } = hubSession([
      { kind: 'refused', status: 413, message: 'description is too long' }
    ]);
    await session.sendToHub();
    expect(session.state).toMatchObject({
      sent: null,
      hub: { kind: 'refused', message: 'description is too long' }
    });
  });

  it('tells how many others reported a shared category, for the category chosen', async () => {
    const { session } = hubSession([]);
    session.update({ categoryId: 'slow' });
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(session.state.others?.others).toBe(2);
    session.update({ categoryId: 'something-else' });
    expect(session.state.others).toBeUndefined();
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(session.state.others).toBeUndefined();
  });

  it('asks how many others reported once the service is known', async () => {
    let known = false;
    const session = new ReportSession({
      draft: new ReportDraft(),
      diagnostics: diagnostics('unknown'),
      prepare,
      hub: () =>
        known
          ? {
              file: async () => ({ kind: 'unreachable', message: '' }),
              queue: () => undefined,
              summarize: async category => ({
                category,
                others: 4,
                acknowledged: null,
                windowMinutes: 30
              })
            }
          : undefined
    });
    session.update({ categoryId: 'slow' });
    known = true;
    session.refresh();
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(session.state.others?.others).toBe(4);
  });
});

import * as React from 'react';

/**
 * Text from the hub metadata or the hub (a name, a label, hours, a duty...)
 * shown on its own, isolated for direction: Arabic or Hebrew text neither
 * takes the direction of what surrounds it nor reorders it. `marks` are
 * parts to highlight (sorted, apart, UTF-16 offsets into the text), inside
 * the same isolate so that the text keeps its layout.
 */
export function OperatorText(props: {
  children: string;
  marks?: ReadonlyArray<{ start: number; end: number }>;
}): JSX.Element {
  const { children: text, marks = [] } = props;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const { start, end } of marks) {
    parts.push(
      text.slice(at, start),
      <mark key={start} className="jp-HubHelp-match">
        {text.slice(start, end)}
      </mark>
    );
    at = end;
  }
  parts.push(text.slice(at));
  return <bdi>{parts}</bdi>;
}

/**
 * A sentence whose operator parts were isolated with `isolate` (metadata/text.ts), rendered
 * with each FSI…PDI part as a <bdi>: the same layout, and no invisible
 * characters to copy or to search for.
 */
export function IsolatedText(props: { text: string }): JSX.Element {
  const parts = props.text.split(/([\u2068\u2069])/);
  let next = 0;
  const nodes = (depth: number): React.ReactNode[] => {
    const out: React.ReactNode[] = [];
    while (next < parts.length) {
      const part = parts[next++];
      if (part === '\u2068') {
        out.push(<bdi key={next}>{nodes(depth + 1)}</bdi>);
      } else if (part === '\u2069' && depth > 0) {
        return out;
      } else if (part) {
        out.push(part);
      }
    }
    return out;
  };
  return <>{nodes(0)}</>;
}

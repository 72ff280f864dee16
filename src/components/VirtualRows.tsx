import * as React from 'react';

import {
  defaultRangeExtractor,
  Range,
  useVirtualizer,
  Virtualizer
} from '@tanstack/react-virtual';

/**
 * Lists up to this long render whole, as they always did: a hub's handful of
 * people and its few dozen tasks gain nothing from windowing.
 */
export const WINDOW_ABOVE = 60;

/**
 * Rows rendered beyond each edge of the screen, so that the next one is
 * there for Tab and for a quick scroll.
 */
const OVERSCAN = 4;

/**
 * How far beyond the screen a list starts rendering its rows, in pixels: a
 * list coming into view has them before it is seen.
 */
const SLACK = 400;

/**
 * Whether the browser keeps what is on screen still when rows above it are
 * measured (scroll anchoring); if not, the virtualiser scrolls to do it.
 */
const ANCHORING =
  typeof CSS !== 'undefined' && CSS.supports?.('overflow-anchor', 'auto');

/**
 * What a row's `<li>` carries when its list is windowed: how it is measured,
 * and where it stands in the whole list for assistive technology, which
 * cannot count rows that are not there.
 */
export interface IRowProps {
  ref?: (element: HTMLElement | null) => void;
  'data-index'?: number;
  'aria-setsize'?: number;
  'aria-posinset'?: number;
  onFocus?: React.FocusEventHandler<HTMLElement>;
  onBlur?: React.FocusEventHandler<HTMLElement>;
}

/**
 * Whether a list of `count` rows is windowed.
 */
export function isWindowed(count: number): boolean {
  return count > WINDOW_ABOVE;
}

interface IVirtualRowsProps<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  /**
   * A row's usual height in pixels, until it is measured.
   */
  estimate: number;
  /**
   * How many items the list holds before these rows.
   */
  before?: number;
  children: (item: T, row: IRowProps) => JSX.Element;
}

/**
 * The `<li>` rows of a list (placed inside its `<ul>`): all of them when the
 * list is short; else only those in or near the screen of the scrolling
 * ancestor (the panel scrolls as a whole), with empty items holding the
 * place of the others. Rows keep their own height, measured once shown; the
 * row holding the focus stays while it scrolls away.
 */
export function VirtualRows<T>(props: IVirtualRowsProps<T>): JSX.Element {
  const { items, getKey, children } = props;
  if (!isWindowed(items.length)) {
    return (
      <>
        {items.map(item => (
          <React.Fragment key={getKey(item)}>
            {children(item, {})}
          </React.Fragment>
        ))}
      </>
    );
  }
  return <WindowedRows {...props} />;
}

function WindowedRows<T>(props: IVirtualRowsProps<T>): JSX.Element {
  const { items, getKey, estimate, before = 0, children } = props;
  const start = React.useRef<HTMLLIElement>(null);
  const [scroller, setScroller] = React.useState<HTMLElement | null>(null);
  const margin = useOffsetIn(scroller, start);
  const [focused, setFocused] = React.useState<string | null>(null);
  const focusedIndex =
    focused === null ? -1 : items.findIndex(item => getKey(item) === focused);
  const extent = React.useRef({ start: 0, end: 0 });
  const inView = useInView(scroller, extent);

  const virtualizer = useVirtualizer({
    count: items.length,
    // Until its scroller is known; then it starts from where the panel is
    // scrolled (it would scroll the panel to its initial offset).
    enabled: scroller !== null,
    getScrollElement: () => scroller,
    initialOffset: () => scroller?.scrollTop ?? 0,
    estimateSize: () => estimate,
    getItemKey: index => getKey(items[index]),
    overscan: OVERSCAN,
    scrollMargin: margin,
    measureElement: measureRow,
    // Off screen, the virtualiser would still render the rows nearest the
    // screen: a few at the start, or a screenful at the end.
    rangeExtractor: (range: Range) =>
      keeping(inView ? defaultRangeExtractor(range) : [], focusedIndex)
  });

  // Not both: each would make up for the same change.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = ANCHORING
    ? () => false
    : undefined;

  React.useLayoutEffect(() => setScroller(scrollParent(start.current)), []);

  const rows = virtualizer.getVirtualItems();
  // Before the scroller is known, the list still takes its room: shrinking
  // for a moment would pull the panel's scroll position up with it.
  const listEnd =
    margin + (scroller ? virtualizer.getTotalSize() : items.length * estimate);
  extent.current = { start: margin, end: listEnd };
  const out: JSX.Element[] = [
    <Spacer
      key="start"
      spacerRef={start}
      height={(rows[0]?.start ?? margin) - margin}
    />
  ];
  let end = rows[0]?.start ?? margin;
  for (const row of rows) {
    if (row.start > end) {
      out.push(<Spacer key={`gap-${row.key}`} height={row.start - end} />);
    }
    const key = String(row.key);
    out.push(
      <React.Fragment key={`row-${key}`}>
        {children(items[row.index], {
          ref: virtualizer.measureElement,
          'data-index': row.index,
          'aria-setsize': before + items.length,
          'aria-posinset': before + row.index + 1,
          onFocus: () => setFocused(key),
          onBlur: event => {
            if (!event.currentTarget.contains(event.relatedTarget as Node)) {
              setFocused(null);
            }
          }
        })}
      </React.Fragment>
    );
    end = row.end;
  }
  out.push(<Spacer key="end" height={listEnd - end} />);
  return <>{out}</>;
}

/**
 * The place of rows not rendered: a list item, so the list holds only items,
 * hidden from assistive technology.
 */
function Spacer(props: {
  height: number;
  spacerRef?: React.Ref<HTMLLIElement>;
}): JSX.Element {
  return (
    <li
      ref={props.spacerRef}
      aria-hidden="true"
      className="jp-HubHelp-spacer"
      style={{ height: Math.max(0, props.height) }}
    />
  );
}

/**
 * The rows in range, and the focused one wherever it is: removing it would
 * send the focus to the page.
 */
function keeping(indexes: number[], focused: number): number[] {
  if (focused < 0 || indexes.includes(focused)) {
    return indexes;
  }
  return [...indexes, focused].sort((a, b) => a - b);
}

/**
 * A row's height; a panel that is hidden lays nothing out, and rows measured
 * at zero would all seem to fit on screen, so the estimate stands instead.
 */
function measureRow(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLElement, Element>
): number {
  const size =
    entry?.borderBoxSize?.[0]?.blockSize ??
    element.getBoundingClientRect().height;
  return size > 0
    ? size
    : instance.options.estimateSize(instance.indexFromElement(element));
}

/**
 * Where `marker` stands in the content of `scroller`, from its top: kept up
 * to date after each render and whenever the content above changes size.
 */
function useOffsetIn(
  scroller: HTMLElement | null,
  marker: React.RefObject<Element>
): number {
  const [offset, setOffset] = React.useState(0);
  const update = React.useCallback(() => {
    const node = marker.current;
    if (!scroller || !node) {
      return;
    }
    const next =
      node.getBoundingClientRect().top -
      scroller.getBoundingClientRect().top -
      scroller.clientTop +
      scroller.scrollTop;
    // Sub-pixel changes would only render again.
    setOffset(previous => (Math.abs(next - previous) < 1 ? previous : next));
  }, [scroller, marker]);
  React.useLayoutEffect(update);
  React.useEffect(() => {
    if (!scroller || typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(update);
    for (const child of Array.from(scroller.children)) {
      observer.observe(child);
    }
    return () => observer.disconnect();
  }, [scroller, update]);
  return offset;
}

/**
 * Whether the list's extent (in the scroller's content) is on screen or
 * within SLACK of it: checked at each scroll and after each render.
 */
function useInView(
  scroller: HTMLElement | null,
  extent: React.RefObject<{ start: number; end: number }>
): boolean {
  const [inView, setInView] = React.useState(false);
  const check = React.useCallback(() => {
    if (!scroller || !extent.current) {
      return;
    }
    const top = scroller.scrollTop - SLACK;
    const bottom = scroller.scrollTop + scroller.clientHeight + SLACK;
    setInView(bottom >= extent.current.start && top <= extent.current.end);
  }, [scroller, extent]);
  React.useLayoutEffect(check);
  React.useEffect(() => {
    scroller?.addEventListener('scroll', check, { passive: true });
    return () => scroller?.removeEventListener('scroll', check);
  }, [scroller, check]);
  return inView;
}

/**
 * The nearest ancestor that scrolls vertically, else the page.
 */
function scrollParent(node: Element | null): HTMLElement | null {
  for (let el = node?.parentElement; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if (overflowY === 'auto' || overflowY === 'scroll') {
      return el;
    }
  }
  return document.scrollingElement as HTMLElement | null;
}

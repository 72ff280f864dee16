import * as React from 'react';
import { act } from 'react';

/**
 * Rows' height in the box, in pixels.
 */
const ROW = 40;

const SCROLLER = '[style*="overflow-y"]';

/**
 * The panel's scrolling content, for jsdom, which lays nothing out: a box
 * `height` pixels tall, in which only windowed lists take room (each row ROW
 * pixels, each placeholder its own height), one below the other. Restored
 * after each test (jest.restoreAllMocks).
 */
export function ScrollingBox(props: {
  height: number;
  children: React.ReactNode;
}): JSX.Element {
  stubLayout(props.height);
  return <div style={{ overflowY: 'auto' }}>{props.children}</div>;
}

const SIZED = '.jp-HubHelp-spacer, li[data-index]';

const sizeOf = (element: Element) =>
  element.matches('li[data-index]')
    ? ROW
    : parseFloat((element as HTMLElement).style.height) || 0;

function stubLayout(height: number): void {
  jest
    .spyOn(HTMLElement.prototype, 'clientHeight', 'get')
    .mockImplementation(function (this: HTMLElement) {
      return this.matches(SCROLLER) ? height : 0;
    });
  jest
    .spyOn(Element.prototype, 'getBoundingClientRect')
    .mockImplementation(function (this: Element) {
      const box = this.closest(SCROLLER);
      let top = 0;
      if (box && box !== this) {
        top = -box.scrollTop;
        for (const sized of Array.from(box.querySelectorAll(SIZED))) {
          if (
            this.compareDocumentPosition(sized) &
            Node.DOCUMENT_POSITION_PRECEDING
          ) {
            top += sizeOf(sized);
          }
        }
      }
      const size = this.matches(SIZED) ? sizeOf(this) : 0;
      return {
        top,
        bottom: top + size,
        left: 0,
        right: 0,
        x: 0,
        y: top,
        width: 0,
        height: size,
        toJSON: () => ({})
      };
    });
}

/**
 * Scroll the box around (or in) `element` to `top`, as far as its content
 * goes, as a person does.
 */
export function scrollTo(element: Element, top: number): void {
  const box =
    element.closest<HTMLElement>(SCROLLER) ??
    element.querySelector<HTMLElement>(SCROLLER)!;
  const content = Array.from(box.querySelectorAll(SIZED), sizeOf).reduce(
    (sum, size) => sum + size,
    0
  );
  act(() => {
    box.scrollTop = Math.max(0, Math.min(top, content - box.clientHeight));
    box.dispatchEvent(new Event('scroll'));
  });
}

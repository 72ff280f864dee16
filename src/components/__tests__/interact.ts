import { act } from 'react';

/**
 * Type into an input as a person does: React sees the change.
 */
export function type(
  input: HTMLInputElement | HTMLTextAreaElement,
  text: string
): void {
  const setValue = Object.getOwnPropertyDescriptor(
    input instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype,
    'value'
  )!.set!;
  act(() => {
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/**
 * Press a key in an element.
 */
export function press(element: Element, key: string): void {
  act(() => {
    element.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
    );
  });
}

/**
 * Click, and let what the click started (a copy to the clipboard) settle.
 */
export async function click(element: Element): Promise<void> {
  await act(async () => {
    (element as HTMLElement).click();
    await new Promise(resolve => setTimeout(resolve, 0));
  });
}

/**
 * A name as it is read out: without the invisible marks that isolate
 * operator text for direction.
 */
export function plain(text: string | null): string {
  return (text ?? '').replace(/[\u2068\u2069]/g, '');
}

/**
 * The element's accessible name, from its aria-label, its labels or its text.
 */
export function nameOf(element: Element): string {
  const labelled = element.getAttribute('aria-label');
  if (labelled !== null) {
    return plain(labelled);
  }
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    return plain(labels[0].textContent);
  }
  return plain(element.textContent).trim();
}

/**
 * The buttons or links inside `root` whose accessible name is `name`.
 */
export function byName(
  root: Element,
  selector: string,
  name: string
): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter(
    el => nameOf(el) === name
  );
}

/**
 * Leave a field, as tabbing out of it does.
 */
export function leave(element: Element): void {
  act(() => {
    element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

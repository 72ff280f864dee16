import * as React from 'react';

import type { LocalizedString } from '../../metadata/types';
import { Field } from './Field';
import { fieldAt, IFormContext } from './formContext';
import {
  addTranslation,
  ITextRow,
  removeTranslation,
  rowsOf,
  valueOf
} from './localizedText';

/**
 * Languages offered first for a new translation: those the panel ships.
 */
const SHIPPED = ['en', 'es', 'fr'];

/**
 * Text that may be written in several languages: one field, and "Add a
 * translation" for each other language, each with its language code.
 */
export function LocalizedTextField(props: {
  context: IFormContext;
  path: string;
  label: string;
  hint?: string;
  multiline?: boolean;
  value: LocalizedString | undefined;
  onChange: (value: LocalizedString | undefined) => void;
}): JSX.Element {
  const { context, path, label } = props;
  const { trans } = context;
  // The rows are the person's: a row whose language is not yet typed has no
  // place in the stored map, and must not lose its text.
  const [rows, setRows] = React.useState<ITextRow[]>(() => rowsOf(props.value));
  const emitted = React.useRef(props.value);
  if (props.value !== emitted.current) {
    // Changed from outside (discard, their version): start from it.
    emitted.current = props.value;
    setRows(rowsOf(props.value));
  }
  const update = (next: ITextRow[]) => {
    setRows(next);
    emitted.current = valueOf(next);
    props.onChange(emitted.current);
  };
  const field = fieldAt(context, path);
  const Input = props.multiline ? 'textarea' : 'input';
  const translated = rows.length > 1 || rows[0].language !== '';
  return (
    <Field field={field} label={label} hint={props.hint}>
      {control => (
        <div className="jp-HubHelp-localized">
          {rows.map((row, i) => (
            <div key={i} className="jp-HubHelp-localizedRow">
              {translated && (
                <input
                  className="jp-HubHelp-language"
                  aria-label={trans.__('Language of text %1', i + 1)}
                  value={row.language}
                  placeholder={trans.__('e.g. fr')}
                  list="jp-HubHelp-languages"
                  onChange={e =>
                    update(
                      rows.map((r, j) =>
                        j === i ? { ...r, language: e.target.value } : r
                      )
                    )
                  }
                />
              )}
              <Input
                {...(i === 0 ? control : {})}
                className="jp-HubHelp-input"
                aria-label={
                  i === 0
                    ? undefined
                    : trans.__(
                        '%1 (translation in %2)',
                        label,
                        row.language || '?'
                      )
                }
                value={row.text}
                onChange={(
                  e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>
                ) =>
                  update(
                    rows.map((r, j) =>
                      j === i ? { ...r, text: e.target.value } : r
                    )
                  )
                }
              />
              {translated && (
                <button
                  type="button"
                  className="jp-mod-styled jp-HubHelp-small"
                  aria-label={trans.__(
                    'Remove the text in %1',
                    row.language || '?'
                  )}
                  onClick={() => update(removeTranslation(rows, i))}
                >
                  {trans.__('Remove translation')}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="jp-mod-styled jp-HubHelp-small"
            onClick={() =>
              update(
                addTranslation(rows, context.language.split(/[-_]/)[0], [
                  ...SHIPPED,
                  context.language
                ])
              )
            }
          >
            {trans.__('Add a translation')}
          </button>
        </div>
      )}
    </Field>
  );
}

/**
 * The language codes suggested in every language field.
 */
export function LanguageSuggestions(): JSX.Element {
  return (
    <datalist id="jp-HubHelp-languages">
      {['en', 'es', 'fr', 'de', 'it', 'pt', 'pt-BR', 'zh-CN', 'ja', 'ko'].map(
        l => (
          <option key={l} value={l} />
        )
      )}
    </datalist>
  );
}

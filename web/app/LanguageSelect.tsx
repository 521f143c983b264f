import { Field, Label, Select } from '@digdir/designsystemet-react';
import { isLanguage, languages, type Language } from '../../shared/i18n';
import { useI18n } from './i18n';

// Each language is named in itself, and marked with its own lang (WCAG 3.1.2).
const languageNames: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

export function LanguageSelect() {
  const { lang, setLang, t } = useI18n();
  return (
    <Field data-size="sm" className="header-field">
      <Label htmlFor="language-select">{t('language.label')}</Label>
      <Select
        id="language-select"
        width="auto"
        value={lang}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLang(event.target.value);
        }}
      >
        {languages.map((code) => (
          <Select.Option key={code} value={code} lang={code}>
            {languageNames[code]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

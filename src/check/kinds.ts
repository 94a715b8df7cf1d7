/** The kinds of identifying detail `check` looks for. */
export const KINDS = ['email', 'url', 'handle', 'phone', 'postcode', 'address', 'nhs-number', 'ni-number', 'date', 'name'] as const;

/** A kind of identifying detail. */
export type Kind = (typeof KINDS)[number];

/** How each kind is described to a reader, and the placeholder a redacted copy puts in its place. */
export const KIND_INFO: Record<Kind, { label: string; placeholder: string }> = {
  email: { label: 'an e-mail address', placeholder: '[EMAIL]' },
  url: { label: 'a web address', placeholder: '[URL]' },
  handle: { label: 'a social media handle', placeholder: '[HANDLE]' },
  phone: { label: 'a phone number', placeholder: '[PHONE]' },
  postcode: { label: 'a UK postcode', placeholder: '[POSTCODE]' },
  address: { label: 'a house address (a number and a street)', placeholder: '[ADDRESS]' },
  'nhs-number': { label: 'an NHS number (its check digit is valid)', placeholder: '[NHS-NUMBER]' },
  'ni-number': { label: 'a National Insurance number', placeholder: '[NI-NUMBER]' },
  date: { label: 'a full date (a date of birth?)', placeholder: '[DATE]' },
  name: { label: 'a name that is not a common word', placeholder: '[NAME]' },
};

/** Something in an account that may identify a person: where it is and what kind it seems to be. */
export interface Finding {
  kind: Kind;
  /** Offset of the first character in the account's text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

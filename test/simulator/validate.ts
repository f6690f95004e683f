/**
 * The request-body limits Discord enforces (docs/discord.md "Limits to respect"). A violation is
 * answered like Discord does: 400 {code:50035,"Invalid Form Body",errors:{…{_errors:[…]}}}, or
 * 50006 for an empty message. Only documented limits are checked; anything else is accepted.
 */

export interface FormError {
  path: Array<string | number>;
  code: string;
  message: string;
}

export interface ApiError {
  status: number;
  body: Record<string, unknown>;
}

const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Locales Discord accepts as keys of name_localizations / description_localizations. */
export const DISCORD_LOCALES = new Set([
  'id',
  'da',
  'de',
  'en-GB',
  'en-US',
  'es-ES',
  'es-419',
  'fr',
  'hr',
  'it',
  'lt',
  'hu',
  'nl',
  'no',
  'pl',
  'pt-BR',
  'ro',
  'fi',
  'sv-SE',
  'vi',
  'tr',
  'cs',
  'el',
  'bg',
  'ru',
  'uk',
  'hi',
  'th',
  'zh-CN',
  'ja',
  'zh-TW',
  'ko',
]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? [...v].length : 0);

function maxLen(errs: FormError[], path: FormError['path'], v: unknown, max: number, min = 0): void {
  if (v === undefined || v === null) {
    if (min > 0) errs.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return;
  }
  const n = len(v);
  if (n > max || n < min) {
    errs.push({
      path,
      code: min > 0 ? 'BASE_TYPE_BAD_LENGTH' : 'BASE_TYPE_MAX_LENGTH',
      message: min > 0 ? `Must be between ${min} and ${max} in length.` : `Must be ${max} or fewer in length.`,
    });
  }
}

function maxItems(errs: FormError[], path: FormError['path'], v: unknown, max: number): void {
  if (Array.isArray(v) && v.length > max) {
    errs.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

/** Discord's nested error shape: {a:{0:{b:{_errors:[{code,message}]}}}} */
export function formError(errs: FormError[]): ApiError {
  const errors: Obj = {};
  for (const e of errs) {
    let node = errors;
    for (const k of e.path) {
      const key = String(k);
      if (!isObj(node[key])) node[key] = {};
      node = node[key] as Obj;
    }
    const list = (node._errors as unknown[] | undefined) ?? [];
    list.push({ code: e.code, message: e.message });
    node._errors = list;
  }
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors } };
}

const IS_COMPONENTS_V2 = 1 << 15;

/** A message body (channel message, interaction reply/update data, webhook execute/edit). */
export function validateMessage(body: unknown, opts: { requireContent: boolean; hasFiles?: boolean }): ApiError | null {
  if (!isObj(body)) return null;
  const errs: FormError[] = [];
  maxLen(errs, ['content'], body.content, 2000);
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  maxItems(errs, ['embeds'], embeds, 10);
  let total = 0;
  embeds.forEach((e, i) => {
    if (!isObj(e)) return;
    maxLen(errs, ['embeds', i, 'title'], e.title, 256);
    maxLen(errs, ['embeds', i, 'description'], e.description, 4096);
    total += len(e.title) + len(e.description);
    if (isObj(e.footer)) {
      maxLen(errs, ['embeds', i, 'footer', 'text'], e.footer.text, 2048);
      total += len(e.footer.text);
    }
    if (isObj(e.author)) {
      maxLen(errs, ['embeds', i, 'author', 'name'], e.author.name, 256);
      total += len(e.author.name);
    }
    const fields = Array.isArray(e.fields) ? e.fields : [];
    maxItems(errs, ['embeds', i, 'fields'], fields, 25);
    fields.forEach((f, j) => {
      if (!isObj(f)) return;
      maxLen(errs, ['embeds', i, 'fields', j, 'name'], f.name, 256, 1);
      maxLen(errs, ['embeds', i, 'fields', j, 'value'], f.value, 1024, 1);
      total += len(f.name) + len(f.value);
    });
  });
  if (total > 6000) {
    errs.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  }
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if (Array.isArray(body.components) && !(flags & IS_COMPONENTS_V2)) {
    maxItems(errs, ['components'], body.components, 5);
    const ids = new Set<string>();
    body.components.forEach((row, i) => {
      if (!isObj(row) || !Array.isArray(row.components)) return;
      const buttons = row.components.filter((c) => isObj(c) && c.type === 2);
      maxItems(errs, ['components', i, 'components'], buttons, 5);
      row.components.forEach((c, j) => {
        if (!isObj(c)) return;
        const path = ['components', i, 'components', j];
        if (c.type === 2) maxLen(errs, [...path, 'label'], c.label, 80);
        if (c.custom_id !== undefined) {
          maxLen(errs, [...path, 'custom_id'], c.custom_id, 100, 1);
          const id = String(c.custom_id);
          if (ids.has(id)) {
            errs.push({ path: [...path, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
          }
          ids.add(id);
        }
      });
    });
  }
  if (errs.length) return formError(errs);
  if (opts.requireContent) {
    const empty =
      !len(body.content) &&
      embeds.length === 0 &&
      !(Array.isArray(body.components) && body.components.length) &&
      !(Array.isArray(body.sticker_ids) && body.sticker_ids.length) &&
      !body.poll &&
      !opts.hasFiles;
    if (empty) return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
  }
  return null;
}

/** Autocomplete result: ≤25 choices, names 1–100, string values ≤100. */
export function validateChoices(data: unknown): ApiError | null {
  if (!isObj(data)) return null;
  const errs: FormError[] = [];
  const choices = Array.isArray(data.choices) ? data.choices : [];
  maxItems(errs, ['data', 'choices'], choices, 25);
  choices.forEach((c, i) => {
    if (!isObj(c)) return;
    maxLen(errs, ['data', 'choices', i, 'name'], c.name, 100, 1);
    if (typeof c.value === 'string') maxLen(errs, ['data', 'choices', i, 'value'], c.value, 100);
  });
  return errs.length ? formError(errs) : null;
}

function checkLocalizations(errs: FormError[], path: FormError['path'], v: unknown, kind: 'name' | 'description'): number {
  if (!isObj(v)) return 0;
  let chars = 0;
  for (const [locale, text] of Object.entries(v)) {
    if (!DISCORD_LOCALES.has(locale)) {
      errs.push({ path: [...path, locale], code: 'ENUM_TYPE_COERCE', message: `Value "${locale}" is not a valid enum value.` });
      continue;
    }
    if (kind === 'name') checkName(errs, [...path, locale], text);
    else maxLen(errs, [...path, locale], text, 100, 1);
    chars += len(text);
  }
  return chars;
}

function checkName(errs: FormError[], path: FormError['path'], v: unknown): void {
  if (typeof v !== 'string' || !NAME_RE.test(v) || v !== v.toLowerCase()) {
    errs.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid` });
  }
}

/** Returns the characters counted toward the 8000 limit. */
function checkOptions(errs: FormError[], path: FormError['path'], options: unknown): number {
  if (!Array.isArray(options)) return 0;
  maxItems(errs, path, options, 25);
  let chars = 0;
  let seenOptional = false;
  const names = new Set<string>();
  options.forEach((o, i) => {
    if (!isObj(o)) return;
    const p = [...path, i];
    checkName(errs, [...p, 'name'], o.name);
    if (names.has(String(o.name))) {
      errs.push({ path: [...p, 'name'], code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', message: 'Option name already exists' });
    }
    names.add(String(o.name));
    maxLen(errs, [...p, 'description'], o.description, 100, 1);
    chars += len(o.name) + len(o.description);
    chars += checkLocalizations(errs, [...p, 'name_localizations'], o.name_localizations, 'name');
    chars += checkLocalizations(errs, [...p, 'description_localizations'], o.description_localizations, 'description');
    if (o.type === 1 || o.type === 2) {
      chars += checkOptions(errs, [...p, 'options'], o.options);
      return;
    }
    if (o.required === true && seenOptional) {
      errs.push({
        path: [...p, 'required'],
        code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        message: 'Required options must be placed before non-required options',
      });
    }
    if (o.required !== true) seenOptional = true;
    const choices = Array.isArray(o.choices) ? o.choices : [];
    if (o.autocomplete === true && choices.length) {
      errs.push({ path: [...p, 'autocomplete'], code: 'AUTOCOMPLETE_AND_CHOICES_INVALID', message: 'Autocomplete cannot be set on options with choices' });
    }
    maxItems(errs, [...p, 'choices'], choices, 25);
    choices.forEach((c, j) => {
      if (!isObj(c)) return;
      maxLen(errs, [...p, 'choices', j, 'name'], c.name, 100, 1);
      if (typeof c.value === 'string') maxLen(errs, [...p, 'choices', j, 'value'], c.value, 100, 1);
      chars += len(c.name) + (typeof c.value === 'string' ? len(c.value) : String(c.value).length);
      chars += checkLocalizations(errs, [...p, 'choices', j, 'name_localizations'], c.name_localizations, 'description');
    });
  });
  return chars;
}

/** PUT /applications/{app}[/guilds/{gid}]/commands body. */
export function validateCommands(body: unknown): ApiError | null {
  if (!Array.isArray(body)) {
    return formError([{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]);
  }
  const errs: FormError[] = [];
  maxItems(errs, [], body, 100);
  const seen = new Set<string>();
  body.forEach((cmd, i) => errs.push(...commandErrors(cmd, [i], seen)));
  return errs.length ? formError(errs) : null;
}

export function commandErrors(cmd: unknown, path: FormError['path'], seen?: Set<string>): FormError[] {
  const errs: FormError[] = [];
  if (!isObj(cmd)) return errs;
  const type = typeof cmd.type === 'number' ? cmd.type : 1;
  if (type === 1) {
    checkName(errs, [...path, 'name'], cmd.name);
    maxLen(errs, [...path, 'description'], cmd.description, 100, 1);
  } else {
    maxLen(errs, [...path, 'name'], cmd.name, 32, 1);
  }
  const key = `${type}:${String(cmd.name)}`;
  if (seen?.has(key)) {
    errs.push({ path: [...path, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: `Application command names must be unique` });
  }
  seen?.add(key);
  let chars = len(cmd.name) + len(cmd.description);
  chars += checkLocalizations(errs, [...path, 'name_localizations'], cmd.name_localizations, type === 1 ? 'name' : 'description');
  chars += checkLocalizations(errs, [...path, 'description_localizations'], cmd.description_localizations, 'description');
  chars += checkOptions(errs, [...path, 'options'], cmd.options);
  if (chars > 8000) {
    errs.push({ path, code: 'APPLICATION_COMMAND_TOO_LARGE', message: 'Command exceeds maximum size (8000)' });
  }
  return errs;
}

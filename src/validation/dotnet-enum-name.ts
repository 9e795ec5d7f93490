/**
 * The member name Partner Center's .NET enum converter reads a JSON string as (EnumJsonConverter.JScriptToPascalCase
 * in microsoft/partner-center-sdk-for-dotNET): the first letter and every letter after an underscore upper-cased, the
 * underscores dropped. `one_time`, `oneTime` and `OneTime` all read as `OneTime`; `MONTHLY` reads as `MONTHLY`, which is
 * no member. Two spellings mean the same enum value exactly when this gives the same name for both.
 */
export function dotnetEnumName(value: string): string {
  let name = value.charAt(0).toUpperCase();
  for (let index = 1; index < value.length; index++) {
    const char = value.charAt(index);
    if (char === '_') {
      index++;
      name += value.charAt(index).toUpperCase();
    } else {
      name += char;
    }
  }
  return name;
}

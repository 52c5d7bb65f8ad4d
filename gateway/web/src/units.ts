/**
 * UCUM unit codes (what tools report and checklists require: "MOhm", "Cel", "uA") shown as the
 * symbols a technician reads ("MΩ", "°C", "µA"). Display only: comparisons and conversions keep
 * the codes (model/units/ucum.ts), so a symbol can never make a reading match.
 */

const BASE_SYMBOLS: Record<string, string> = { Ohm: "Ω" };
const WHOLE_SYMBOLS: Record<string, string> = {
	Cel: "°C",
	"[degF]": "°F",
	"[psi]": "psi",
	"1": "",
	"%": "%",
};
const BASES = ["Ohm", "V", "A", "Pa", "W", "Hz", "F", "m", "bar"];

/** "MOhm" → "MΩ", "uA" → "µA", "Cel" → "°C"; an unknown code is shown as it is. */
export function unitSymbol(code: string): string {
	if (Object.hasOwn(WHOLE_SYMBOLS, code)) return WHOLE_SYMBOLS[code];
	for (const base of BASES) {
		if (!code.endsWith(base)) continue;
		const prefix = code.slice(0, -base.length);
		if (!["", "G", "M", "k", "m", "u", "n", "c"].includes(prefix)) continue;
		return `${prefix === "u" ? "µ" : prefix}${BASE_SYMBOLS[base] ?? base}`;
	}
	return code;
}

/** "1.23 MΩ" (no space before an empty unit, "%" keeps its space per SI). */
export function withUnit(text: string, code: string): string {
	const symbol = unitSymbol(code);
	return symbol ? `${text} ${symbol}` : text;
}

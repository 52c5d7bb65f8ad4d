/** Text the technician is typing, kept in localStorage until it is sent (a restart or reload loses nothing). */
import { useState } from "preact/hooks";

export function useDraft(key: string): [string, (value: string) => void, () => void] {
	const storageKey = `fieldchain.draft.${key}`;
	const [value, setValue] = useState(() => localStorage.getItem(storageKey) ?? "");
	const set = (next: string) => {
		setValue(next);
		if (next) localStorage.setItem(storageKey, next);
		else localStorage.removeItem(storageKey);
	};
	return [value, set, () => set("")];
}

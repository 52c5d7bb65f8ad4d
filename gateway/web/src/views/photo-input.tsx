/** A photo for a checklist item: the phone's camera (or a file), stored as evidence. */
import { perform } from "../pending.js";
import type { ChecklistItem } from "../types.js";

export function readAsBase64(file: Blob): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
		reader.onerror = () => reject(reader.error);
		reader.readAsDataURL(file);
	});
}

export function PhotoInput({ item, base, technicianId, disabled }: { item: ChecklistItem; base: string; technicianId: string; disabled: boolean }) {
	return (
		<label class="button file">
			Take or choose a photo
			<input
				type="file"
				accept="image/*"
				capture="environment"
				disabled={disabled}
				aria-label={`Photo for ${item.label}`}
				onChange={async (event) => {
					const file = event.currentTarget.files?.[0];
					if (!file) return;
					const dataBase64 = await readAsBase64(file);
					void perform({
						method: "POST",
						path: `${base}/evidence`,
						body: { kind: "photo", checklistItemId: item.id, technicianId, dataBase64, mediaType: file.type || "image/jpeg" },
						label: `Photo for ${item.label}`,
					});
				}}
			/>
		</label>
	);
}

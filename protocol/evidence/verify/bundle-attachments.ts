/**
 * The bundle's attachment step: every attachment a record refers to is listed once, with the
 * record's media type and size, and bytes that hash to it when the bundle carries them.
 */
import { createHash } from "node:crypto";
import type { BundleAttachment } from "../bundle.js";
import type { BundleContext } from "./bundle-context.js";
import { hex, strictBase64 } from "./encodings.js";
import type { Step } from "./pipeline.js";

export const checkAttachments: Step<BundleContext> = {
	name: "attachments",
	run(context) {
		const { bundle, links, report } = context;
		const listed = new Map<string, BundleAttachment>();
		for (const attachment of bundle.attachments) {
			if (listed.has(attachment.sha256)) report("attachment-encoding", undefined, `Attachment ${attachment.sha256} is listed twice.`);
			listed.set(attachment.sha256, attachment);
		}
		const referenced = new Set<string>();
		for (const link of links) {
			const record = link.record;
			if (!record || record.attachmentSha256.length === 0) continue;
			const sha256 = hex(record.attachmentSha256);
			referenced.add(sha256);
			const attachment = listed.get(sha256);
			if (!attachment) {
				report("attachment-mismatch", link.chainSeq, `Record ${link.chainSeq} refers to attachment ${sha256}, which the bundle does not list.`);
				continue;
			}
			if (attachment.mediaType !== record.attachmentMediaType || attachment.size !== record.attachmentSize) {
				report(
					"attachment-mismatch",
					link.chainSeq,
					`Attachment ${sha256} is listed as ${attachment.mediaType}, ${attachment.size} bytes; record ${link.chainSeq} says ${record.attachmentMediaType}, ${record.attachmentSize} bytes.`,
				);
			}
		}
		for (const attachment of bundle.attachments) {
			if (!referenced.has(attachment.sha256)) {
				report("attachment-mismatch", undefined, `Attachment ${attachment.sha256} is listed but no record of the bundle refers to it.`);
			}
			if (attachment.dataBase64 === undefined) continue;
			const data = strictBase64(attachment.dataBase64);
			if (!data) {
				report("attachment-encoding", undefined, `Attachment ${attachment.sha256} data is not canonical base64.`);
				continue;
			}
			const actual = createHash("sha256").update(data).digest("hex");
			if (actual !== attachment.sha256 || data.length !== attachment.size) {
				report("attachment-mismatch", undefined, `Attachment ${attachment.sha256} was altered: its ${data.length} bytes hash to ${actual}.`);
			}
		}
	},
};

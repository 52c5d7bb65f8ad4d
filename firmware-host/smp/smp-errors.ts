/**
 * Error answers of an SMP device ("SMP Protocol Specification", "Minimal response"): version 2
 * replies carry group errors as `err: {group, rc}`; version 1 replies, and SMP-level errors in
 * version 2, carry `rc` (mcumgr_err_t). Names come from Zephyr's mgmt/mcumgr headers (mcumgr_err_t,
 * img_mgmt_ret_code_t). Every device error becomes one FieldchainError FC_SMP_DEVICE whose message
 * names the code and says what to do.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { SmpGroup } from "./header.js";

/** mcumgr_err_t. */
export const MgmtErr = {
	OK: 0,
	EUNKNOWN: 1,
	ENOMEM: 2,
	EINVAL: 3,
	ETIMEOUT: 4,
	ENOENT: 5,
	EBADSTATE: 6,
	EMSGSIZE: 7,
	ENOTSUP: 8,
	ECORRUPT: 9,
	EBUSY: 10,
	EACCESSDENIED: 11,
	UNSUPPORTED_TOO_OLD: 12,
	UNSUPPORTED_TOO_NEW: 13,
} as const;

const MGMT_NAMES = Object.fromEntries(Object.entries(MgmtErr).map(([name, rc]) => [rc, name])) as Record<number, string>;

/** img_mgmt_ret_code_t, in its order (group 1 errors in SMP version 2). */
const IMG_NAMES = [
	"OK",
	"UNKNOWN",
	"FLASH_CONFIG_QUERY_FAIL",
	"NO_IMAGE",
	"NO_TLVS",
	"INVALID_TLV",
	"TLV_MULTIPLE_HASHES_FOUND",
	"TLV_INVALID_SIZE",
	"HASH_NOT_FOUND",
	"NO_FREE_SLOT",
	"FLASH_OPEN_FAILED",
	"FLASH_READ_FAILED",
	"FLASH_WRITE_FAILED",
	"FLASH_ERASE_FAILED",
	"INVALID_SLOT",
	"NO_FREE_MEMORY",
	"FLASH_CONTEXT_ALREADY_SET",
	"FLASH_CONTEXT_NOT_SET",
	"FLASH_AREA_DEVICE_NULL",
	"INVALID_PAGE_OFFSET",
	"INVALID_OFFSET",
	"INVALID_LENGTH",
	"INVALID_IMAGE_HEADER",
	"INVALID_IMAGE_HEADER_MAGIC",
	"INVALID_HASH",
	"INVALID_FLASH_ADDRESS",
	"VERSION_GET_FAILED",
	"CURRENT_VERSION_IS_NEWER",
	"IMAGE_ALREADY_PENDING",
	"INVALID_IMAGE_VECTOR_TABLE",
] as const;

export const ImgErr = Object.fromEntries(IMG_NAMES.map((name, rc) => [name, rc])) as Record<(typeof IMG_NAMES)[number], number>;

const HINTS: Record<string, string> = {
	ENOTSUP:
		"The device does not support this command: enable its group in the firmware (e.g. CONFIG_MCUMGR_GRP_SHELL, CONFIG_MCUMGR_GRP_STAT, CONFIG_MCUMGR_GRP_OS_INFO).",
	ENOENT: "Nothing by that name or hash on the device; list what it has first.",
	EBADSTATE: "The device's image state does not allow this now: confirm the running image, or reset the device, and try again.",
	EBUSY: "The device is busy; try again shortly.",
	EACCESSDENIED: "The device refused the command (access control on the device).",
	NO_IMAGE: "No image with that hash is on the device: run `image list` and use a hash it shows.",
	NO_FREE_SLOT: "The secondary slot is in use (an image is pending, or holds the image to revert to): confirm or reset first, or `image erase`.",
	IMAGE_ALREADY_PENDING: "An image is already marked for the next boot: reset the device, or `image erase` the secondary slot.",
	INVALID_IMAGE_HEADER_MAGIC: "The file is not an MCUboot image: sign it with `fieldchain firmware sign` (or imgtool).",
	CURRENT_VERSION_IS_NEWER: "The device refuses an image older than the running one.",
};

/** The group error (version 2) or rc (version 1) of an answer's body; undefined when it is a success. */
export function smpErrorOf(body: Record<string, unknown>): { group: number | undefined; rc: number; name: string; reason?: string } | undefined {
	const err = body.err as { group?: unknown; rc?: unknown } | undefined;
	const reason = typeof body.rsn === "string" ? body.rsn : undefined;
	if (err && typeof err === "object" && typeof err.rc === "number" && err.rc !== 0) {
		const group = typeof err.group === "number" ? err.group : undefined;
		return { group, rc: err.rc, name: groupErrorName(group, err.rc), reason };
	}
	if (typeof body.rc === "number" && body.rc !== 0) return { group: undefined, rc: body.rc, name: MGMT_NAMES[body.rc] ?? `rc ${body.rc}`, reason };
	return undefined;
}

function groupErrorName(group: number | undefined, rc: number): string {
	if (group === SmpGroup.IMAGE) return IMG_NAMES[rc] ?? `image error ${rc}`;
	return `group ${group ?? "?"} error ${rc}`;
}

export function smpDeviceError(what: string, error: NonNullable<ReturnType<typeof smpErrorOf>>): FieldchainError {
	const where = error.group === undefined ? "" : ` (group ${error.group})`;
	return new FieldchainError(
		ErrorCodes.FC_SMP_DEVICE,
		`The device refused ${what}: ${error.name}${where}, rc ${error.rc}${error.reason ? `: ${error.reason}` : ""}.`,
		{ hint: HINTS[error.name], details: { group: error.group, rc: error.rc, name: error.name } },
	);
}

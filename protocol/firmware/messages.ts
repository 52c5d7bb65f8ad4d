/** Types and enums of the firmware update messages, and the error code <-> ImageStatus mapping. */
import type { ErrorCode } from "../../platform/errors.js";
import { ErrorCodes } from "../../platform/errors.js";
import { fieldchain } from "../generated/device.js";

export type ImageUpload = fieldchain.device.v1.IImageUpload;
export type ImageUploadResult = fieldchain.device.v1.IImageUploadResult;
export type ImageStateRequest = fieldchain.device.v1.IImageStateRequest;
export type ImageState = fieldchain.device.v1.IImageState;
export type ImageSlot = fieldchain.device.v1.IImageSlot;

export const ImageStatus = fieldchain.device.v1.ImageStatus;
export const SelfTest = fieldchain.device.v1.SelfTest;
export const ImageAction = fieldchain.device.v1.ImageStateRequest.Action;

/** The slot uploads go to (MCUboot's secondary slot). */
export const UPLOAD_SLOT = 1;

const STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = {
	FC_FIRMWARE_IMAGE: ImageStatus.IMAGE_STATUS_BAD_IMAGE,
	FC_FIRMWARE_SIGNATURE: ImageStatus.IMAGE_STATUS_BAD_SIGNATURE,
	FC_FIRMWARE_KEY: ImageStatus.IMAGE_STATUS_BAD_SIGNATURE,
	FC_FIRMWARE_HARDWARE: ImageStatus.IMAGE_STATUS_WRONG_HARDWARE,
	FC_FIRMWARE_DOWNGRADE: ImageStatus.IMAGE_STATUS_DOWNGRADE,
	FC_FIRMWARE_STATE: ImageStatus.IMAGE_STATUS_BUSY,
};

export function imageStatusOf(code: ErrorCode): number {
	return STATUS_OF_CODE[code] ?? ImageStatus.IMAGE_STATUS_BAD_IMAGE;
}

const CODE_OF_STATUS: Record<number, ErrorCode> = {
	[ImageStatus.IMAGE_STATUS_BAD_IMAGE]: ErrorCodes.FC_FIRMWARE_IMAGE,
	[ImageStatus.IMAGE_STATUS_HASH_MISMATCH]: ErrorCodes.FC_FIRMWARE_IMAGE,
	[ImageStatus.IMAGE_STATUS_BAD_SIGNATURE]: ErrorCodes.FC_FIRMWARE_SIGNATURE,
	[ImageStatus.IMAGE_STATUS_WRONG_HARDWARE]: ErrorCodes.FC_FIRMWARE_HARDWARE,
	[ImageStatus.IMAGE_STATUS_DOWNGRADE]: ErrorCodes.FC_FIRMWARE_DOWNGRADE,
	[ImageStatus.IMAGE_STATUS_BUSY]: ErrorCodes.FC_FIRMWARE_STATE,
	[ImageStatus.IMAGE_STATUS_NOT_FOUND]: ErrorCodes.FC_FIRMWARE_STATE,
};

/** The error a host raises for a device's refusal. */
export function errorCodeOfStatus(status: number): ErrorCode {
	return CODE_OF_STATUS[status] ?? ErrorCodes.FC_FIRMWARE_UPLOAD;
}

export function statusName(status: number | null | undefined): string {
	return ImageStatus[status ?? 0] ?? `IMAGE_STATUS_${status}`;
}

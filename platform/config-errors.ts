/**
 * The errors of configuration and option checks: FC_CONFIG_INVALID (the CLI exits 2 on it), with
 * the field that is wrong in the message and in details.field, so the operator knows what to fix.
 * One place decides the code and the details; each area keeps the wording its users already see.
 */
import { ErrorCodes, FieldchainError } from "./errors.js";

export interface ConfigErrorOptions {
	/** The setting at fault, as the user writes it ("uplink.retry.baseMs", "--port"). */
	field?: string;
	hint?: string;
}

export function invalidConfig(message: string, options: ConfigErrorOptions = {}): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, message, {
		hint: options.hint,
		...(options.field === undefined ? {} : { details: { field: options.field } }),
	});
}

export interface FieldMessageFormat {
	/** Words before the field: "Invalid configuration: ". */
	lead?: string;
	/** The section the fields belong to, part of their name: "uplink.". */
	area?: string;
	/** Between the field and the problem (a space unless given). */
	separator?: string;
}

/**
 * The `invalid(field, problem, hint?)` of one configuration area. With
 * `{ lead: "Invalid configuration: ", area: "uplink." }`, invalid("retry.baseMs", "must be a positive integer")
 * says "Invalid configuration: uplink.retry.baseMs must be a positive integer.".
 */
export function configFieldError(format: FieldMessageFormat): (field: string, problem: string, hint?: string) => FieldchainError {
	const { lead = "", area = "", separator = " " } = format;
	return (field, problem, hint) => invalidConfig(`${lead}${area}${field}${separator}${problem}.`, { field: `${area}${field}`, hint });
}

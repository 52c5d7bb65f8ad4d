/**
 * Structured logs (pino). Secrets are redacted by path wherever they might appear, so a config
 * object or a request can be logged without leaking a password or token.
 */
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

export const REDACTED_PATHS = [
	"password",
	"*.password",
	"passwordHash",
	"*.passwordHash",
	"token",
	"*.token",
	"req.headers.authorization",
	"headers.authorization",
];

export interface LoggerOptions {
	level?: string;
	destination?: DestinationStream;
	name?: string;
}

export function createLogger(options: LoggerOptions = {}): Logger {
	return pino(
		{
			name: options.name ?? "fieldchain",
			level: options.level ?? process.env.FIELDCHAIN_LOG_LEVEL ?? "info",
			redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
		},
		options.destination ?? pino.destination({ dest: 2, sync: false }),
	);
}

/** A logger that drops everything: for benchmarks and tests that do not look at logs. */
export function silentLogger(): Logger {
	return pino({ level: "silent" });
}

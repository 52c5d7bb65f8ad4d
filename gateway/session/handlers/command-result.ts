/** command_result: settles the pending command with the same Envelope seq. */
import type { Envelope } from "../../../protocol/codec.js";
import type { DeviceSession } from "../device-session.js";

export function handleCommandResult(session: DeviceSession, envelope: Envelope): void {
	const result = envelope.commandResult!;
	if (!session.settleCommand(result)) {
		session.logger.debug(
			{ deviceId: session.identity?.deviceId, commandSeq: result.commandSeq },
			"result for a command that is no longer pending (timed out?)",
		);
	}
}

/** Resynchronisation after garbage and the commands (protocol/README.md, "Resynchronisation", "Commands"). */
import { randomBytes } from "node:crypto";
import { CommandStatus } from "../../protocol/codec.js";
import { type Check, expectThat } from "./check.js";

const { STATUS_OK, STATUS_UNSUPPORTED, STATUS_INVALID_ARGUMENT } = CommandStatus;

export const robustnessChecks: Check[] = [
	{
		id: "resync-after-garbage",
		group: "robustness",
		title: "recovers at the next 00 after garbage and a corrupted frame",
		spec: "Resynchronisation",
		async run(context) {
			const { connection } = await context.connect({ maintenance: true });
			try {
				const junk = randomBytes(300).map((b) => b || 0x55);
				await connection.sendRaw(junk);
				await connection.sendRaw(Buffer.of(0x00, 0x05, 0x11, 0x22, 0x33, 0x44, 0x00));
				const result = await connection.request({ command: { getStatus: {} } }, "commandResult", context.answerTimeoutMs);
				expectThat(result.commandResult!.status === STATUS_OK, `GetStatus after garbage answered status ${result.commandResult!.status}`);
				const status = result.commandResult!.deviceStatus;
				expectThat(status, "GetStatus carried no DeviceStatus");
				context.log(`device counts ${status.framesBadCrc ?? 0} bad-CRC and ${status.framesUndecodable ?? 0} undecodable frames`);
			} finally {
				await connection.close();
			}
		},
	},
	{
		id: "commands",
		group: "commands",
		title: "answers each command once, refuses bad arguments and unknown commands",
		spec: "Session rules: Commands",
		async run(context) {
			const { connection } = await context.connect({ maintenance: true });
			const ask = async (command: Parameters<typeof connection.request>[0]["command"]) =>
				(await connection.request({ command }, "commandResult", context.answerTimeoutMs)).commandResult!;
			try {
				const status = await ask({ getStatus: {} });
				expectThat(status.status === STATUS_OK && status.deviceStatus, "GetStatus did not answer OK with a DeviceStatus");
				expectThat((await ask({ identify: { durationMs: 500 } })).status === STATUS_OK, "Identify did not answer OK");
				expectThat((await ask({ setRate: { readingsPerSecond: 5 } })).status === STATUS_OK, "SetRate 5/s did not answer OK");
				const bad = await ask({ setRate: { readingsPerSecond: -1 } });
				expectThat(bad.status === STATUS_INVALID_ARGUMENT, `SetRate -1/s answered status ${bad.status}, expected INVALID_ARGUMENT`);
				const unknown = await ask({});
				expectThat(unknown.status === STATUS_UNSUPPORTED, `a command without action answered status ${unknown.status}, expected UNSUPPORTED`);
				expectThat((await ask({ stopStreaming: {} })).status === STATUS_OK, "StopStreaming did not answer OK");
			} finally {
				await connection.close();
			}
		},
	},
];

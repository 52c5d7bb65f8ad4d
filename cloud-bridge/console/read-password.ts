/**
 * Reads a new password for `cloud user create`: from a terminal, asked twice without echo; from a
 * pipe, the first line of stdin. Never from argv (visible in `ps` and shell history).
 */
import { createInterface } from "node:readline";
import { invalidConfig } from "../../platform/config-errors.js";

function askHidden(question: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input, output, terminal: true });
		// Echo nothing but the question: the typed characters never reach the screen.
		(rl as unknown as { _writeToOutput(s: string): void })._writeToOutput = (s: string) => {
			if (s.includes(question)) output.write(question);
		};
		rl.question(question, (answer) => {
			rl.close();
			output.write("\n");
			resolve(answer);
		});
	});
}

export async function readNewPassword(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
	if (input.isTTY) {
		const first = await askHidden("New password: ", input, output);
		const second = await askHidden("Repeat it: ", input, output);
		if (first !== second) throw invalidConfig("The two passwords differ.", { field: "password", hint: "Run the command again." });
		return first;
	}
	const chunks: Buffer[] = [];
	for await (const chunk of input) chunks.push(chunk as Buffer);
	const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/, 1)[0] ?? "";
	if (!line)
		throw invalidConfig("No password on stdin.", { field: "password", hint: "Pipe it in: `printf '%s\\n' \"$PW\" | fieldchain cloud user create ...`." });
	return line;
}

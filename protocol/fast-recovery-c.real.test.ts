/**
 * The C reference code of fast recovery in protocol/README.md compiles as C99 without warnings and
 * does what the rules say: a reading with two stored above it is re-sent alone, once per evidence;
 * a partial ack shows the next gap; without selective ranges the second duplicate ack goes back to
 * up_to_seq + 1 once; the tail probe re-sends the newest reading not in a run.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const HARNESS = `
static uint32_t sent[256];
static int count;
void fc_send_reading(uint32_t seq, int resent) { sent[count++] = seq * 10u + (uint32_t)resent; }
static void dump(const char *what) {
    printf("%s:", what);
    for (int i = 0; i < count; i++) printf(" %u", sent[i]);
    printf("\\n");
    count = 0;
}
static void start(fc_sender *s, fc_pending *ring, uint32_t n) {
    memset(s, 0, sizeof *s);
    memset(ring, 0, 64 * sizeof *ring);
    s->ring = ring; s->capacity = 64; s->oldest = 1; s->newest = n;
    for (uint32_t q = 1; q <= n; q++) fc_transmit(s, q);
    count = 0;
}
int main(void) {
    fc_pending ring[64];
    fc_sender s;
    start(&s, ring, 10);                          /* 3 and 8 are lost */
    fc_on_ack(&s, 2, NULL, 0);
    dump("cumulative");
    fc_seq_range a[] = {{4, 5}};
    fc_on_ack(&s, 2, a, 1);
    dump("two stored above 3");
    fc_seq_range b[] = {{4, 7}};
    fc_on_ack(&s, 2, b, 1);
    dump("same evidence again");
    fc_seq_range c[] = {{9, 10}};
    fc_on_ack(&s, 7, c, 1);
    dump("partial ack");
    fc_on_probe_timer(&s);
    dump("probe");
    start(&s, ring, 6);                           /* a gateway without sack */
    fc_on_ack(&s, 2, NULL, 0);
    fc_on_ack(&s, 2, NULL, 0);
    dump("first duplicate");
    fc_on_ack(&s, 2, NULL, 0);
    dump("second duplicate");
    fc_on_ack(&s, 2, NULL, 0);
    dump("third duplicate");
    return 0;
}
`;

const dir = mkdtempSync(join(tmpdir(), "fc-c-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("protocol/README.md C reference code: fast recovery at the device", () => {
	it("compiles cleanly and follows the rules", () => {
		const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
		const section = readme.slice(readme.indexOf("### Fast recovery at the device"));
		const code = /```c\n([\s\S]*?)```/.exec(section)?.[1];
		expect(code, "the section has a C block").toBeTruthy();
		const source = join(dir, "fast-recovery.c");
		writeFileSync(source, `#include <stddef.h>\n#include <stdint.h>\n#include <stdio.h>\n#include <string.h>\n${code}\n${HARNESS}`);
		const binary = join(dir, "fast-recovery");
		execFileSync("cc", ["-std=c99", "-Wall", "-Wextra", "-pedantic", "-Werror", "-o", binary, source], { stdio: "pipe" });
		const out = execFileSync(binary, { encoding: "utf8" });
		// seq * 10 + resent flag.
		expect(out.split("\n").filter(Boolean)).toEqual([
			"cumulative:",
			"two stored above 3: 31",
			"same evidence again:",
			"partial ack: 81",
			"probe: 81",
			"first duplicate:",
			"second duplicate: 31 41 51 61",
			"third duplicate:",
		]);
	});
});

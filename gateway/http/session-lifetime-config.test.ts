/** webApp.sessionMaxHours: the absolute session lifetime beside the idle sessionHours, with a default that keeps old configs valid. */
import { describe, expect, it } from "vitest";
import { parseGatewayConfig } from "../config.js";

const technicians = [{ id: "tech-ana", pinHash: "$scrypt$ln=15,r=8,p=1$c2FsdA$a2V5" }];

function webApp(extra: Record<string, unknown>) {
	const config = parseGatewayConfig({ webApp: { technicians, ...extra } });
	if (!config.webApp) throw new Error("webApp section lost");
	return config.webApp;
}

describe("webApp session lifetimes", () => {
	it("ends sessions 24 h after sign-in unless told otherwise", () => {
		expect(webApp({})).toMatchObject({ sessionHours: 12, sessionMaxHours: 24 });
		expect(webApp({ sessionHours: 1, sessionMaxHours: 8 })).toMatchObject({ sessionHours: 1, sessionMaxHours: 8 });
	});

	it("keeps a config with a long idle lifetime valid: the absolute lifetime is then the same", () => {
		expect(webApp({ sessionHours: 48 })).toMatchObject({ sessionHours: 48, sessionMaxHours: 48 });
	});

	it.each([[{ sessionMaxHours: 0 }], [{ sessionMaxHours: "24" }], [{ sessionMaxHours: 721 }], [{ sessionHours: 12, sessionMaxHours: 6 }]])(
		"refuses %j, naming the field",
		(extra) => {
			expect(() => webApp(extra)).toThrow("webApp.sessionMaxHours");
		},
	);
});

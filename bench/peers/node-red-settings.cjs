/**
 * Node-RED settings for the peers bench: the defaults of node-red's own settings.js, except that
 * the editor listens on loopback on a port the harness picks (PORT), telemetry is off (no network
 * here), and functionGlobalContext hands the function node the frame decoder a user would paste
 * (user-decoder.cjs) plus the measurement probe. Nothing here tunes the runtime.
 */
const { decodeReadingFrame } = require("./user-decoder.cjs");
const { createStoredProbe } = require("./stored-probe.cjs");

module.exports = {
	uiPort: Number(process.env.PORT || 1880),
	uiHost: "127.0.0.1",
	flowFile: "flows.json",
	credentialSecret: false,
	telemetry: { enabled: false, updateNotification: false },
	logging: { console: { level: "info", metrics: false, audit: false } },
	functionGlobalContext: {
		decodeReadingFrame,
		benchProbe: createStoredProbe(),
	},
	editorTheme: { tours: false, projects: { enabled: false } },
};

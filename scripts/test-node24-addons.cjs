// Preloaded (NODE_OPTIONS=--require) into every process of the suite's Node 24 leg: a native addon
// that node_modules holds for the machine's Node is loaded from its Node 24 build instead.
// node_modules is never rewritten, so a run on the machine's Node in the same tree at the same time,
// or after this leg fails or is interrupted, still loads its own build.
// FIELDCHAIN_NODE24_ADDONS is JSON: {"abi": "<NODE_MODULE_VERSION of the builds>",
// "addons": {"<real path of the addon in node_modules>": "<path of its Node 24 build>"}}.
// A process on another Node (a test that starts the machine's node) keeps the addon it finds.
"use strict";

const settings = JSON.parse(process.env.FIELDCHAIN_NODE24_ADDONS || "{}");
if (settings.abi === process.versions.modules && settings.addons) {
	const replacements = new Map(Object.entries(settings.addons));
	const dlopen = process.dlopen;
	process.dlopen = function dlopenNode24Build(module, filename, ...flags) {
		return dlopen.call(this, module, replacements.get(filename) ?? filename, ...flags);
	};
}

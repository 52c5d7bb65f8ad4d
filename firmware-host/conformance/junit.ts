/**
 * JUnit XML for CI systems (the de-facto schema of Ant's JUnit task, as Jenkins, GitLab and
 * GitHub test reporters read it): one testsuite per check group, one testcase per check.
 */
import type { SuiteResult } from "./runner.js";

export function toJUnitXml(suite: SuiteResult): string {
	const groups = [...new Set(suite.results.map((r) => r.group))];
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<testsuites name="fieldchain device conformance" tests="${suite.results.length}" failures="${suite.failed}" skipped="${suite.skipped}" time="${seconds(suite.durationMs)}">`,
	];
	for (const group of groups) {
		const cases = suite.results.filter((r) => r.group === group);
		const failures = cases.filter((r) => r.status === "failed").length;
		const skipped = cases.filter((r) => r.status === "skipped").length;
		lines.push(
			`  <testsuite name="${esc(group)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${esc(suite.startedAt)}" time="${seconds(cases.reduce((s, r) => s + r.durationMs, 0))}">`,
		);
		lines.push(`    <properties><property name="device" value="${esc(suite.device)}"/></properties>`);
		for (const r of cases) {
			lines.push(`    <testcase classname="conformance.${esc(group)}" name="${esc(`${r.id}: ${r.title}`)}" time="${seconds(r.durationMs)}">`);
			if (r.status === "failed")
				lines.push(
					`      <failure message="${esc(r.message ?? "failed")}" type="ConformanceFailure">${esc(`${r.message ?? ""}\nspec: protocol/README.md, ${r.spec}`)}</failure>`,
				);
			if (r.status === "skipped") lines.push(`      <skipped message="${esc(r.message ?? "skipped")}"/>`);
			if (r.notes.length > 0) lines.push(`      <system-out>${esc(r.notes.join("\n"))}</system-out>`);
			lines.push("    </testcase>");
		}
		lines.push("  </testsuite>");
	}
	lines.push("</testsuites>", "");
	return lines.join("\n");
}

function seconds(ms: number): string {
	return (ms / 1000).toFixed(3);
}

/** XML 1.0 escaping; characters XML cannot carry at all are replaced. */
function esc(text: string): string {
	return text
		.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/g, "\uFFFD")
		.replace(/&/g, "&amp;")
		.replace(/</g, "&lt;")
		.replace(/>/g, "&gt;")
		.replace(/"/g, "&quot;");
}

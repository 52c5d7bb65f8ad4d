/**
 * Travel times between points, in minutes. By default the great-circle distance times a road
 * factor at a configured speed; a routing engine's table (OSRM's /table service) when one is
 * configured. Both return a row-major matrix over the points given (matrix[a * n + b]).
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { GeoPoint } from "../model-types.js";
import type { TravelOptions } from "./types.js";

export interface TravelTimeSource {
	/** Minutes from every point to every point. */
	matrix(points: readonly GeoPoint[]): Promise<Float64Array>;
}

const EARTH_RADIUS_KM = 6371.0088;

export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
	const toRad = Math.PI / 180;
	const dLat = (b.latitude - a.latitude) * toRad;
	const dLon = (b.longitude - a.longitude) * toRad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * toRad) * Math.cos(b.latitude * toRad) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance × road factor at a constant speed. */
export function greatCircleTravel(options: TravelOptions = {}): TravelTimeSource & { minutes(a: GeoPoint, b: GeoPoint): number } {
	const speedKmh = options.speedKmh ?? 50;
	const roadFactor = options.roadFactor ?? 1.3;
	if (!(speedKmh > 0) || !(roadFactor >= 1))
		throw new FieldchainError(
			ErrorCodes.FC_SCHEDULE_INPUT,
			`travel speed must be above 0 km/h and the road factor at least 1 (got ${speedKmh}, ${roadFactor})`,
		);
	const minutes = (a: GeoPoint, b: GeoPoint) => (greatCircleKm(a, b) * roadFactor * 60) / speedKmh;
	return {
		minutes,
		async matrix(points) {
			const n = points.length;
			const out = new Float64Array(n * n);
			for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out[a * n + b] = out[b * n + a] = minutes(points[a], points[b]);
			return out;
		},
	};
}

/**
 * OSRM's table service (`GET {baseUrl}/table/v1/{profile}/{lon,lat;...}?annotations=duration`),
 * e.g. a self-hosted osrm-routed. Valhalla's sources_to_targets answers the same question; an
 * adapter for it implements TravelTimeSource the same way.
 */
export function osrmTravel(baseUrl: string, profile = "driving", fetchImpl: typeof fetch = fetch): TravelTimeSource {
	return {
		async matrix(points) {
			const coordinates = points.map((point) => `${point.longitude},${point.latitude}`).join(";");
			const url = `${baseUrl.replace(/\/$/, "")}/table/v1/${encodeURIComponent(profile)}/${coordinates}?annotations=duration`;
			const response = await fetchImpl(url).catch((error: unknown) => {
				throw new FieldchainError(ErrorCodes.FC_SCHEDULE_ENGINE, `the routing engine at ${baseUrl} cannot be reached: ${String(error)}`);
			});
			const body = (await response.json().catch(() => null)) as { code?: string; durations?: (number | null)[][] } | null;
			if (!response.ok || body?.code !== "Ok" || !Array.isArray(body.durations))
				throw new FieldchainError(
					ErrorCodes.FC_SCHEDULE_ENGINE,
					`the routing engine at ${baseUrl} answered ${response.status} ${body?.code ?? "without a table"}`,
				);
			const n = points.length;
			const out = new Float64Array(n * n);
			for (let a = 0; a < n; a++)
				for (let b = 0; b < n; b++) {
					const seconds = body.durations[a]?.[b];
					// No road between two points: effectively unreachable.
					out[a * n + b] = seconds === null || seconds === undefined ? 1e7 : seconds / 60;
				}
			return out;
		},
	};
}

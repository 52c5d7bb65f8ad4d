/**
 * Turns configured johnny-five components on a Firmata board into protocol v1 readings: each
 * component's "data" event (every `freq` ms) becomes one Reading per quantity it measures.
 */
import type { Capability, Reading } from "../../protocol/codec.js";
import type { J5Board, J5Component, JohnnyFive } from "./johnny-five-types.js";
import type { BoardConfig, SensorConfig } from "./sensor-config.js";

export type ReadingFields = Omit<Reading, "seq" | "deviceTimeUs">;

/** Temperature, Humidity, Pressure: what johnny-five's Multi controllers measure (lib/sip.js). */
const MULTI_PARTS: Record<string, string> = {
	BME280: "THP",
	BME680: "THP",
	BMP180: "TP",
	BMP280: "TP",
	MPL115A2: "TP",
	MPL3115A2: "TP",
	MS5611: "TP",
	SHT31D: "TH",
	HTU21D: "TH",
	SI7020: "TH",
	SI7021: "TH",
	HIH6130: "TH",
	TH02: "TH",
	DHT11_I2C_NANO_BACKPACK: "TH",
	DHT21_I2C_NANO_BACKPACK: "TH",
	DHT22_I2C_NANO_BACKPACK: "TH",
};

/** What each kind reports; Multi sub-sensors that a controller lacks are skipped at run time. */
export function capabilitiesOf(config: BoardConfig): Capability[] {
	return config.sensors.flatMap((s): Capability[] => {
		if (s.kind === "sensor")
			return [
				{
					quantity: s.quantity,
					unit: s.unit,
					rangeMin: s.scale?.[0] ?? 0,
					rangeMax: s.scale?.[1] ?? 1023,
					resolution: s.scale ? (s.scale[1] - s.scale[0]) / 1023 : 1,
					channel: s.channel,
				},
			];
		if (s.kind === "thermometer") return [{ quantity: "temperature", unit: "Cel", rangeMin: -55, rangeMax: 150, resolution: 0.1, channel: s.channel }];
		const parts = MULTI_PARTS[s.controller.toUpperCase()] ?? "THP";
		return [
			{ quantity: "temperature", unit: "Cel", rangeMin: -40, rangeMax: 125, resolution: 0.01, channel: s.channel },
			...(parts.includes("H") ? [{ quantity: "relative_humidity", unit: "%", rangeMin: 0, rangeMax: 100, resolution: 0.01, channel: s.channel }] : []),
			...(parts.includes("P") ? [{ quantity: "pressure", unit: "kPa", rangeMin: 30, rangeMax: 110, resolution: 0.01, channel: s.channel }] : []),
		];
	});
}

/** Creates the components on a ready board and calls `emit` for every reading they produce. */
export function attachSensors(five: JohnnyFive, board: J5Board, config: BoardConfig, emit: (reading: ReadingFields) => void): J5Component[] {
	return config.sensors.map((sensor) => {
		const freq = sensor.freq ?? config.freq;
		const component = create(five, board, sensor, freq);
		component.on("data", () => {
			for (const reading of readingsOf(sensor, component)) emit(reading);
		});
		return component;
	});
}

function create(five: JohnnyFive, board: J5Board, sensor: SensorConfig, freq: number): J5Component {
	switch (sensor.kind) {
		case "sensor":
			return new five.Sensor({ pin: sensor.pin, freq, board });
		case "thermometer":
			return new five.Thermometer({ controller: sensor.controller, pin: sensor.pin, freq, board });
		case "multi":
			return new five.Multi({ controller: sensor.controller, address: sensor.address, freq, board });
	}
}

function readingsOf(sensor: SensorConfig, c: J5Component): ReadingFields[] {
	const finite = (value: number | undefined | null): value is number => typeof value === "number" && Number.isFinite(value);
	if (sensor.kind === "sensor") {
		const value = sensor.scale && c.fscaleTo ? c.fscaleTo(sensor.scale[0], sensor.scale[1]) : c.value;
		return finite(value) ? [{ quantity: sensor.quantity, value: round(value), unit: sensor.unit, channel: sensor.channel }] : [];
	}
	if (sensor.kind === "thermometer")
		return finite(c.celsius) ? [{ quantity: "temperature", value: round(c.celsius), unit: "Cel", channel: sensor.channel }] : [];
	const out: ReadingFields[] = [];
	if (finite(c.thermometer?.celsius)) out.push({ quantity: "temperature", value: round(c.thermometer.celsius), unit: "Cel", channel: sensor.channel });
	if (finite(c.hygrometer?.relativeHumidity))
		out.push({ quantity: "relative_humidity", value: round(c.hygrometer.relativeHumidity), unit: "%", channel: sensor.channel });
	// johnny-five's barometer reports kPa.
	if (finite(c.barometer?.pressure)) out.push({ quantity: "pressure", value: round(c.barometer.pressure), unit: "kPa", channel: sensor.channel });
	return out;
}

function round(value: number): number {
	return Math.round(value * 1e4) / 1e4;
}

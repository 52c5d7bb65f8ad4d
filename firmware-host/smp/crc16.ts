/**
 * CRC16 as "SMP Transport Specification", "CRC Details" names it: polynomial 0x1021, initial value
 * 0, no reflection, no final XOR (the CRC-16/XMODEM parameters). Bitwise, two bytes per packet
 * line: speed does not matter here, clarity does. Check value: "123456789" gives 0x31c3.
 */
export function crc16Xmodem(bytes: Uint8Array, crc = 0): number {
	let value = crc;
	for (const byte of bytes) {
		value ^= byte << 8;
		for (let bit = 0; bit < 8; bit++) value = value & 0x8000 ? ((value << 1) ^ 0x1021) & 0xffff : (value << 1) & 0xffff;
	}
	return value;
}

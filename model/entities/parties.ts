import type { CurrencyCode, GeoPoint, Versioned, WeeklyWindow } from "./common.js";

export interface Customer extends Versioned {
	name: string;
	/** Currency every work order of this customer is priced in. */
	currency: CurrencyCode;
	billingEmail: string | null;
}

export interface PostalAddress {
	line1: string;
	line2: string | null;
	city: string;
	postalCode: string;
	/** ISO 3166-1 alpha-2. */
	country: string;
}

export interface Site extends Versioned {
	customerId: string;
	name: string;
	address: PostalAddress;
	location: GeoPoint;
	/** IANA zone the access windows are expressed in. */
	timeZone: string;
	/** When a technician may be on site; empty means any time. */
	accessWindows: WeeklyWindow[];
}

/** What is serviced. Assets nest (a breaker inside a switchboard) through parentAssetId. */
export interface Asset extends Versioned {
	customerId: string;
	siteId: string;
	name: string;
	kind: string;
	serialNumber: string | null;
	parentAssetId: string | null;
}

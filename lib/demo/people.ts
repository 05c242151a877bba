/**
 * Demo buyers: a person has a name, a unique mobile number, a nickname and one or two addresses,
 * all derived from the person's index so every order of the same person agrees.
 */
import { COMMUNITIES, DEMO_PROVINCES, OFFICES, ROADS, TOWNS_OF_CITIES_WITHOUT_DISTRICTS, type PosStore } from "./catalog-places";
import { GIVEN_FEMALE, GIVEN_MALE, NICK_WORDS, PHONE_PREFIXES, SURNAMES } from "./catalog-people";
import { permutedDigits, Rng, WeightedTable } from "./random";

export interface DemoAddress {
  province: string;
  city: string;
  /** null where the city has no districts (东莞市 …). */
  district: string | null;
  detail: string;
  remote: boolean;
}

export interface Person {
  name: string;
  phone: string;
  nick: string;
  home: DemoAddress;
  office: DemoAddress | null;
}

const SALT_PERSON = 0x50455253;
const PHONE_KEY = 0x50484f4e;

const provinceTable = new WeightedTable(DEMO_PROVINCES.map((p) => [p, p.weight] as const));
const cityTables = new Map(DEMO_PROVINCES.map((p) => [p.name, new WeightedTable(p.cities.map((c) => [c, c.weight] as const))]));
// Top surnames are far more common than the tail (王/李/张 ≈ 20% of people).
const surnameTable = new WeightedTable(SURNAMES.map((s, i) => [s, 1 / Math.sqrt(i + 1)] as const));

export function personName(rng: Rng): string {
  const given = rng.chance(0.5) ? rng.pick(GIVEN_MALE) : rng.pick(GIVEN_FEMALE);
  return surnameTable.pick(rng) + given;
}

function streetDetail(rng: Rng, office: boolean): string {
  const road = `${rng.pick(ROADS)}${rng.int(1, 999)}号`;
  if (office) return `${road}${rng.pick(OFFICES)}${rng.int(2, 28)}楼${rng.int(1, 30)}${rng.pick(["室", "号"])}`;
  return `${road}${rng.pick(COMMUNITIES)}${rng.int(1, 32)}栋${rng.int(1, 4)}单元${rng.int(1, 33)}${String(rng.int(1, 4)).padStart(2, "0")}室`;
}

/** A random address; with `near`, in the same city (a second address of the same person). */
export function randomAddress(rng: Rng, near?: { province: string; city: string }, office = false): DemoAddress {
  const province = near ? DEMO_PROVINCES.find((p) => p.name === near.province) ?? provinceTable.pick(rng) : provinceTable.pick(rng);
  const city = (near && province.cities.find((c) => c.name === near.city)) || cityTables.get(province.name)!.pick(rng);
  let district: string | null = null;
  let detail = streetDetail(rng, office);
  if (city.districts.length) district = rng.pick(city.districts);
  else detail = rng.pick(TOWNS_OF_CITIES_WITHOUT_DISTRICTS[city.name] ?? [""]) + detail;
  return { province: province.name, city: city.name, district, detail, remote: province.remote };
}

/** The person behind an order chain; `store` pins store-only shoppers near their POS store. */
export function makePerson(seed: number, personIndex: number, store?: PosStore): Person {
  const rng = new Rng(seed, personIndex, SALT_PERSON);
  const name = personName(rng);
  const phone = rng.pick(PHONE_PREFIXES) + permutedDigits(personIndex, 4, PHONE_KEY);
  const nick = rng.chance(0.6) ? `${rng.pick(NICK_WORDS)}${rng.int(1980, 2012)}` : `${rng.pick(NICK_WORDS)}_${rng.digits(4)}`;
  const home = store
    ? { ...randomAddress(rng, { province: store.province, city: store.city }), district: store.district }
    : randomAddress(rng);
  const office = rng.chance(0.25) ? randomAddress(rng, home, true) : null;
  return { name, phone, nick, home, office };
}

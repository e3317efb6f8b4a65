import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../platform/paths';
import { parseBoundaries, parseInecTree } from './parse';
import type { DivisionInput } from './schema';
import type { GeoService } from './service';

// The divisions the demo uses (INEC DPA codes and official names), so `npm start` needs no external file.
// Loading the full country with `minka geo import` leaves these unchanged.
export const demoCountry = { code: 'EC', name: 'ECUADOR' };

const p = (code: string, name: string, parentCode: string): DivisionInput => ({ code, name, parentCode, level: 3 });

/** Azuay/Cuenca and Chimborazo/Colta/Guamote with all their parishes. */
export const demoDivisions: DivisionInput[] = [
  { code: '01', name: 'AZUAY', parentCode: 'EC', level: 1 },
  { code: '0101', name: 'CUENCA', parentCode: '01', level: 2 },
  p('010101', 'BELLAVISTA', '0101'),
  p('010102', 'CAÑARIBAMBA', '0101'),
  p('010103', 'EL BATÁN', '0101'),
  p('010104', 'EL SAGRARIO', '0101'),
  p('010105', 'EL VECINO', '0101'),
  p('010106', 'GIL RAMÍREZ DÁVALOS', '0101'),
  p('010107', 'HUAYNACÁPAC', '0101'),
  p('010108', 'MACHÁNGARA', '0101'),
  p('010109', 'MONAY', '0101'),
  p('010110', 'SAN BLAS', '0101'),
  p('010111', 'SAN SEBASTIÁN', '0101'),
  p('010112', 'SUCRE', '0101'),
  p('010113', 'TOTORACOCHA', '0101'),
  p('010114', 'YANUNCAY', '0101'),
  p('010115', 'HERMANO MIGUEL', '0101'),
  p('010150', 'CUENCA', '0101'),
  p('010151', 'BAÑOS', '0101'),
  p('010152', 'CUMBE', '0101'),
  p('010153', 'CHAUCHA', '0101'),
  p('010154', 'CHECA (JIDCAY)', '0101'),
  p('010155', 'CHIQUINTAD', '0101'),
  p('010156', 'LLACAO', '0101'),
  p('010157', 'MOLLETURO', '0101'),
  p('010158', 'NULTI', '0101'),
  p('010159', 'OCTAVIO CORDERO PALACIOS (SANTA ROSA)', '0101'),
  p('010160', 'PACCHA', '0101'),
  p('010161', 'QUINGEO', '0101'),
  p('010162', 'RICAURTE', '0101'),
  p('010163', 'SAN JOAQUÍN', '0101'),
  p('010164', 'SANTA ANA', '0101'),
  p('010165', 'SAYAUSÍ', '0101'),
  p('010166', 'SIDCAY', '0101'),
  p('010167', 'SININCAY', '0101'),
  p('010168', 'TARQUI', '0101'),
  p('010169', 'TURI', '0101'),
  p('010170', 'VALLE', '0101'),
  p('010171', 'VICTORIA DEL PORTETE (IRQUIS)', '0101'),
  { code: '06', name: 'CHIMBORAZO', parentCode: 'EC', level: 1 },
  { code: '0603', name: 'COLTA', parentCode: '06', level: 2 },
  p('060301', 'CAJABAMBA', '0603'),
  p('060302', 'SICALPA', '0603'),
  p('060350', 'VILLA LA UNIÓN (CAJABAMBA)', '0603'),
  p('060351', 'CAÑI', '0603'),
  p('060352', 'COLUMBE', '0603'),
  p('060353', 'JUAN DE VELASCO (PANGOR)', '0603'),
  p('060354', 'SANTIAGO DE QUITO (CAB. EN SAN ANTONIO DE QUITO)', '0603'),
  { code: '0606', name: 'GUAMOTE', parentCode: '06', level: 2 },
  p('060650', 'GUAMOTE', '0606'),
  p('060651', 'CEBADAS', '0606'),
  p('060652', 'PALMIRA', '0606'),
];

/** Loads the demo divisions; safe to run again (the import is idempotent). */
/** The demo divisions; with `sharedData` (the shared reference data folder) also the whole country and its boundaries. */
export async function seedGeoDemo(geo: GeoService, sharedData?: string): Promise<void> {
  await geo.import({ country: demoCountry.code, countryName: demoCountry.name, divisions: demoDivisions });
  // Beside a checkout of the project's shared reference data, the demo loads the whole country and the canton
  // boundaries from it (read in place, never copied), so the dashboards' map has shapes to draw.
  if (!sharedData) return;
  const divisions = path.join(sharedData, 'ecuador', 'dpa_provincias_cantones_parroquias.json');
  const boundaries = path.join(sharedData, 'ecuador', 'cantones_simplified.geojson');
  if (!existsSync(divisions) || !existsSync(boundaries)) return;
  await geo.import({
    country: demoCountry.code,
    countryName: demoCountry.name,
    divisions: parseInecTree(readFileSync(divisions, 'utf8'), demoCountry.code).divisions,
    boundaries: parseBoundaries(readFileSync(boundaries, 'utf8')),
  });
}

/** The shared data folder beside the checkout (MINKA_SHARED_DATA in the configuration overrides it). */
export function defaultSharedData(): string {
  return path.resolve(projectRoot(), '../shared/data');
}

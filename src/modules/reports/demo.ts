import type { Context } from '../../platform/context';
import { PublicReports } from './public';

// Fake reports waiting for triage in Guamote, Colta and Cuenca (and one with no place given).
const demoReports = [
  {
    division: '060650',
    what: 'DEMO: Dos niños de la comunidad salieron con un vecino hace un mes; dicen que están pidiendo dinero en Colombia.',
    forms: ['begging'],
    child: true,
    people: 2,
    danger: true,
    language: 'es',
  },
  {
    division: '0603',
    what: 'DEMO: Wawakunata Kitomanmi apamurka, chakrapi llamkachinkapak (texto de prueba).',
    forms: ['labour'],
    child: true,
    people: 3,
    danger: false,
    language: 'qu-EC',
  },
  {
    division: '0101',
    what: 'DEMO: Una adolescente trabaja en una casa de Cuenca sin salir ni recibir pago.',
    forms: ['domestic'],
    child: true,
    people: 1,
    danger: false,
    language: 'es',
  },
  {
    division: undefined,
    what: 'DEMO: Ofrecen trabajo en el extranjero a jóvenes de la parroquia por redes sociales.',
    forms: ['other'],
    child: null,
    people: null,
    danger: false,
    language: 'es',
  },
];

/** Seeds the demo reports (encrypted like any other). */
export async function seedReportsDemo(ctx: Context): Promise<void> {
  const reports = new PublicReports(ctx);
  for (const r of demoReports) {
    await reports.submit({
      ...r,
      channel: 'web',
      withReceipt: false,
      placeText: r.division ? undefined : 'DEMO: parroquia rural',
    });
  }
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

// Steps and probes of the field-work journeys: setting a device up, registering a case offline, and reading what
// a browser profile keeps (IndexedDB files, service-worker caches).

/** Sets up field work on this browser (device name and offline passphrase) and waits for the first copy. */
export async function setUpDevice(page: Page, passphrase: string, name = 'Teléfono de prueba'): Promise<void> {
  await page.getByLabel('Nombre del dispositivo').fill(name);
  await page.getByLabel('Frase de acceso sin conexión').fill(passphrase);
  await page.getByLabel('Repita la frase de acceso').fill(passphrase);
  await page.getByRole('button', { name: 'Preparar el dispositivo' }).click();
  await page.getByRole('heading', { name: 'Casos en este dispositivo' }).waitFor();
}

/**
 * Registers a child's case on the intake form in Guamote (opened, or kept as a draft with only names, birth year
 * and place) and answers the temporary code the device gave it.
 */
export async function registerChild(
  page: Page,
  child: { first: string; last: string; identity?: string },
  as: 'open' | 'draft',
): Promise<string> {
  await page.getByRole('link', { name: 'Registrar un caso' }).click();
  await page.getByLabel('Nombres').fill(child.first);
  await page.getByLabel('Apellidos').fill(child.last);
  await page.getByLabel('Año de nacimiento (si no sabe la fecha)').fill(String(new Date().getFullYear() - 10));
  await page.getByRole('combobox', { name: 'Cantón o parroquia del caso' }).fill('guamote');
  await page.getByRole('option', { name: /^Guamote · Cantón/ }).click();
  if (as === 'open') {
    if (child.identity) await page.getByLabel('Cédula (opcional)').fill(child.identity);
    await page.getByRole('combobox', { name: 'Sexo / género' }).click();
    await page.getByRole('option', { name: 'Femenino' }).click();
    await page.getByLabel('Edad al registrar').fill('10');
    await page.getByRole('combobox', { name: 'Formas de explotación' }).click({ force: true });
    await page.getByRole('option', { name: 'Mendicidad forzada' }).click();
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: as === 'open' ? 'Abrir caso' : 'Guardar borrador' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^TMP-/ });
  await heading.waitFor();
  return ((await heading.textContent()) ?? '').split(' ')[0]!;
}

/** Every file under a directory, concatenated (the profile's IndexedDB, as a thief with the phone would read it). */
export function rawBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else parts.push(readFileSync(p));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

/** Whether a text appears in raw bytes as UTF-8/Latin-1 or UTF-16 (how V8 serialises strings). */
export const holds = (raw: Buffer, text: string) =>
  raw.includes(Buffer.from(text, 'latin1')) || raw.includes(Buffer.from(text, 'utf16le'));

/** The paths the service worker's caches hold. */
export const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname);
    return out;
  });

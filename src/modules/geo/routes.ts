import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { GeoReads } from './reads';
import {
  boundariesQuery,
  countryParams,
  countrySchema,
  divisionDetailSchema,
  divisionFoundSchema,
  divisionParams,
  divisionSchema,
  featureCollectionSchema,
  langQuery,
  searchQuery,
} from './schema';
import { GeoService } from './service';

const errors = { 400: errorSchema, 404: errorSchema };
const countries = z.array(countrySchema);
const divisions = z.array(divisionSchema);

/** Read-only geography API: countries, divisions, children, search and boundaries. */
export const geoRoutes =
  (deps: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const geo = new GeoService(deps.db.db);
    // Reference data read on every page that picks a place: answered from this process's copy (see GeoReads).
    const reads = new GeoReads(deps.db.db);
    const tags = ['geo'];

    r.get(
      '/countries',
      {
        schema: {
          tags,
          summary: 'Countries with loaded divisions',
          querystring: langQuery,
          response: { 200: countries, ...errors },
        },
      },
      (_req, reply) => reads.answer(reply, 'countries', countries, () => geo.countries()),
    );
    r.get(
      '/divisions/:country',
      {
        schema: {
          tags,
          summary: 'First-level divisions of a country',
          params: countryParams,
          querystring: langQuery,
          response: { 200: divisions, ...errors },
        },
      },
      (req, reply) => {
        const { country } = req.params;
        return reads.answer(reply, `children ${country} ${country}`, divisions, () => geo.children(country, country));
      },
    );
    r.get(
      '/divisions/:country/:code',
      {
        schema: {
          tags,
          summary: 'One division with its ancestors',
          params: divisionParams,
          querystring: langQuery,
          response: { 200: divisionDetailSchema, ...errors },
        },
      },
      (req, reply) => {
        const { country, code } = req.params;
        return reads.answer(reply, `division ${country} ${code}`, divisionDetailSchema, () =>
          geo.division(country, code),
        );
      },
    );
    r.get(
      '/divisions/:country/:code/children',
      {
        schema: {
          tags,
          summary: 'Children of a division',
          params: divisionParams,
          querystring: langQuery,
          response: { 200: divisions, ...errors },
        },
      },
      (req, reply) => {
        const { country, code } = req.params;
        return reads.answer(reply, `children ${country} ${code}`, divisions, () => geo.children(country, code));
      },
    );
    r.get(
      '/search',
      {
        schema: {
          tags,
          summary: 'Search divisions by name, ignoring accents and case',
          querystring: searchQuery,
          response: { 200: z.array(divisionFoundSchema), ...errors },
        },
      },
      (req) => geo.search(req.query.q, { country: req.query.country, level: req.query.level, limit: req.query.limit }),
    );
    r.get(
      '/boundaries/:country',
      {
        schema: {
          tags,
          summary: 'Boundaries as a GeoJSON FeatureCollection',
          params: countryParams,
          querystring: boundariesQuery,
          response: { 200: featureCollectionSchema, ...errors },
        },
      },
      (req) => geo.boundaries(req.params.country, { level: req.query.level, parent: req.query.parent }),
    );
  };

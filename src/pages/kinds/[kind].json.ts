/** `/kinds/<Kind>.json`: every record row of a kind, for the listing's filter and sort. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAtlas } from '../../site/atlas-data';
import { recordRow } from '../../site/record-rows';

export const getStaticPaths: GetStaticPaths = () => [...getAtlas().byKind.keys()].map((kind) => ({ params: { kind } }));

export const GET: APIRoute = ({ params }) => new Response(JSON.stringify(getAtlas().byKind.get(params.kind!)!.map(recordRow)));

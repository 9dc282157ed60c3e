/** `/clusters/<cluster>.json`: every record row of a cluster, for the listing's filter and sort. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAtlas } from '../../site/atlas-data';
import { recordRow } from '../../site/record-rows';

export const getStaticPaths: GetStaticPaths = () => [...getAtlas().byCluster.keys()].map((cluster) => ({ params: { cluster } }));

export const GET: APIRoute = ({ params }) => new Response(JSON.stringify(getAtlas().byCluster.get(params.cluster!)!.map(recordRow)));

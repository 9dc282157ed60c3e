/** `/n/<path>.json`: the record payload, byte-identical to `atlas get <id>`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { recordJson } from '../../pipeline/model';
import { getAtlas } from '../../site/atlas-data';

export const getStaticPaths: GetStaticPaths = () => {
  const atlas = getAtlas();
  return atlas.recordList.map((r) => ({ params: { path: atlas.paths.get(r.id)! }, props: { id: r.id } }));
};

export const GET: APIRoute = ({ props }) => {
  const record = getAtlas().records.get(props.id as string)!;
  return new Response(recordJson(record), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

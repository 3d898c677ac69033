import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";

// Map geometry shipped with the app (prisma/reference, from cahyadsn/wilayah_boundaries, MIT): no
// tile server and no internet needed. Paths are computed on the server and sent as SVG.

type KecamatanFeature = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

const REFERENCE_DIR = path.join(process.cwd(), "prisma", "reference");

let kecamatanPromise: Promise<KecamatanFeature[]> | undefined;
let centroidPromise: Promise<Map<string, [number, number]>> | undefined;

// The file follows RFC 7946 (outer rings counter-clockwise); d3-geo expects the opposite winding.
function rewind(rings: Position[][]): Position[][] {
  return rings.map((ring) => [...ring].reverse());
}

async function kecamatanFeatures(): Promise<KecamatanFeature[]> {
  kecamatanPromise ??= readFile(path.join(REFERENCE_DIR, "banyuwangi-kecamatan.geojson"), "utf8").then(
    (text) => {
      const collection = JSON.parse(text) as FeatureCollection<
        Polygon | MultiPolygon,
        { code: string; name: string }
      >;
      return collection.features.map((f) => ({
        ...f,
        geometry:
          f.geometry.type === "Polygon"
            ? { type: "Polygon", coordinates: rewind(f.geometry.coordinates) }
            : { type: "MultiPolygon", coordinates: f.geometry.coordinates.map(rewind) },
      }));
    },
  );
  return kecamatanPromise;
}

/** Desa/kelurahan code → [longitude, latitude] (centroid or interior point). */
export async function desaCentroids(): Promise<Map<string, [number, number]>> {
  centroidPromise ??= readFile(path.join(REFERENCE_DIR, "banyuwangi-desa-centroids.csv"), "utf8").then(
    (text) => {
      const map = new Map<string, [number, number]>();
      for (const line of text.trim().split("\n").slice(1)) {
        const cells = line.split(",");
        map.set(cells[0]!, [Number(cells[5]), Number(cells[6])]);
      }
      return map;
    },
  );
  return centroidPromise;
}

export type MapShape = { code: string; name: string; path: string; labelX: number; labelY: number };
export type MapPoint = { code: string; x: number; y: number };

/** SVG paths of the 25 kecamatan fitted to width × height, or of one kecamatan with its desa points. */
export async function kecamatanMap(
  width: number,
  height: number,
  onlyCode?: string,
  points: { code: string; longitude: number; latitude: number }[] = [],
): Promise<{ shapes: MapShape[]; points: MapPoint[] }> {
  const features = (await kecamatanFeatures()).filter((f) => !onlyCode || f.properties.code === onlyCode);
  const projection = geoMercator().fitSize([width, height], { type: "FeatureCollection", features });
  const toPath = geoPath(projection);
  return {
    shapes: features.map((f) => {
      const [x, y] = toPath.centroid(f);
      return {
        code: f.properties.code,
        name: f.properties.name,
        path: toPath(f) ?? "",
        labelX: x,
        labelY: y,
      };
    }),
    points: points.flatMap((p) => {
      const xy = projection([p.longitude, p.latitude]);
      return xy ? [{ code: p.code, x: xy[0], y: xy[1] }] : [];
    }),
  };
}

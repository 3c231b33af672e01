import * as v from 'valibot';
import { PRECISIONS, type Precision } from '../precision.js';
import { ACTIVE_COUNT_CONVENTIONS, type ModelArchitecture, type SourceRef } from '../model/modelArchitecture.js';
import { SourceRefSchema, nonNegativeInt, parseOrThrow, positive, positiveInt } from './sourceSchema.js';
import data from './models.json' with { type: 'json' };
import hypotheticalData from './hypotheticalModels.json' with { type: 'json' };
import { BILLION } from '../units.js';

const precision = v.picklist(PRECISIONS);
const layerIndices = v.array(nonNegativeInt);

const GqaSchema = v.strictObject({
  kind: v.literal('gqa'),
  queryHeadCount: positiveInt,
  kvHeadCount: positiveInt,
  headDim: positiveInt,
});

const MlaSchema = v.strictObject({
  kind: v.literal('mla'),
  queryHeadCount: positiveInt,
  qLoraRank: v.nullable(positiveInt),
  kvLoraRank: positiveInt,
  qkNopeHeadDim: positiveInt,
  qkRopeHeadDim: positiveInt,
  vHeadDim: positiveInt,
  indexer: v.nullable(v.strictObject({ headCount: positiveInt, headDim: positiveInt, topK: positiveInt })),
});

/**
 * One record of `models.json`: the architecture as element counts (no units needed), the
 * publisher's stated sizes in billions of parameters, and the source of every record.
 */
const ModelRecordSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9.-]+$/)),
  aliases: v.optional(v.array(v.string()), []),
  name: v.string(),
  family: v.string(),
  hfRepo: v.string(),
  layerCount: positiveInt,
  hiddenSize: positiveInt,
  vocabSize: positiveInt,
  tiedEmbeddings: v.boolean(),
  attention: v.variant('kind', [GqaSchema, MlaSchema]),
  localAttention: v.nullable(
    v.strictObject({ kind: v.picklist(['sliding', 'chunked']), windowTokens: positiveInt, layerIndices }),
  ),
  attentionSinks: v.boolean(),
  denseFfnSize: v.nullable(positiveInt),
  moe: v.nullable(
    v.strictObject({
      routedExpertCount: positiveInt,
      expertsPerToken: positiveInt,
      sharedExpertCount: nonNegativeInt,
      expertFfnSize: positiveInt,
      sharedExpertFfnSize: nonNegativeInt,
      denseLayerIndices: layerIndices,
    }),
  ),
  mtpModuleCount: nonNegativeInt,
  nativeWeightPrecision: v.strictObject({ routedExperts: precision, otherLinear: precision, embeddings: precision }),
  /** The precision providers serve the weights at ("native": the checkpoint's own), with its source; absent for hypothetical models. */
  servedWeightPrecision: v.optional(v.strictObject({ precision: v.picklist(['native', ...PRECISIONS]), source: SourceRefSchema })),
  maxContextTokens: positiveInt,
  published: v.nullable(
    v.strictObject({
      totalParamsBillions: positive,
      activeParamsBillions: positive,
      activeCounts: v.picklist(ACTIVE_COUNT_CONVENTIONS),
      source: SourceRefSchema,
    }),
  ),
  source: SourceRefSchema,
  notes: v.optional(v.string(), ''),
});
type ModelRecord = v.InferOutput<typeof ModelRecordSchema>;

const CatalogSchema = v.strictObject({
  $comment: v.optional(v.string()),
  models: v.array(ModelRecordSchema),
});

/** The precision providers serve a model's linear weights at: `native` (the checkpoint's own) or one precision for experts and the rest. */
export interface ServedWeightPrecision {
  readonly precision: 'native' | Precision;
  readonly source: SourceRef;
}

export interface CatalogModel extends ModelArchitecture {
  readonly aliases: readonly string[];
  /** Absent for hypothetical models (no provider serves them). */
  readonly servedWeightPrecision?: ServedWeightPrecision;
  readonly hfRepo: string;
  readonly notes: string;
}

function toModel(r: ModelRecord): CatalogModel {
  const { published, servedWeightPrecision, ...rest } = r;
  return {
    ...rest,
    ...(servedWeightPrecision !== undefined && { servedWeightPrecision }),
    published:
      published === null
        ? null
        : {
            totalParams: published.totalParamsBillions * BILLION,
            activeParams: published.activeParamsBillions * BILLION,
            activeCounts: published.activeCounts,
            source: published.source,
          },
  };
}

/** Validates raw model-catalog data and converts it to architecture records. */
export function parseModelCatalog(raw: unknown): readonly CatalogModel[] {
  const parsed = parseOrThrow(CatalogSchema, raw, 'model catalog');
  return parsed.models.map(toModel);
}

/** The shipped model catalog, validated once at module load. */
export const MODELS: readonly CatalogModel[] = parseModelCatalog(data);


/** Models built here to ask what a model of a given size would cost (no publisher; see each record's source). */
export const HYPOTHETICAL_MODELS: readonly CatalogModel[] = parseModelCatalog(hypotheticalData);

/** Every model a command accepts by id: the published catalog and the hypothetical ones. */
export const ALL_MODELS: readonly CatalogModel[] = [...MODELS, ...HYPOTHETICAL_MODELS];

// Solid bindings
export { PocketBaseProvider } from "./PocketBaseProvider";
export type { PocketBaseProviderProps } from "./PocketBaseProvider";
export { usePocketBase } from "./usePocketBase";
export { useCollection } from "./useCollection";
export { useFullCollection } from "./useFullCollection";
export { useInfiniteCollection } from "./useInfiniteCollection";
export { useRecord } from "./useRecord";
export { useCreateRecord } from "./useCreateRecord";
export { useUpdateRecord } from "./useUpdateRecord";
export { useDeleteRecord } from "./useDeleteRecord";
export { useRealtimeCollection } from "./useRealtimeCollection";
export { useRealtimeRecord } from "./useRealtimeRecord";
export { useRealtimeStatus } from "./useRealtimeStatus";
export { useRealtimeTopic } from "./useRealtimeTopic";
export type { HookOverrides } from "./HookOverrides";
export type {
  CollectionArgument,
  CollectionMap,
  CollectionName,
  CollectionRecord,
  CreateDataOf,
  ExtraFields,
  RecordOf,
  Register,
  RegisteredCollections,
  RegisteredPocketBase,
  RegisteredRecord,
  UnresolvedCollectionRecord,
  UpdateVariablesOf,
} from "./typedCollections";
export type {
  CreateRecordData,
  NewRecordId,
  PasswordFields,
  UpdateRecordData,
  UpdateRecordVariables,
} from "./recordData";
export type {
  UseCollectionOptions,
  UseFullCollectionOptions,
  UseInfiniteCollectionOptions,
  UseRealtimeOptions,
  UseRecordMutationOptions,
  UseRecordOptions,
} from "./types";

// Framework-free core
export { pocketbaseKeys } from "./core/pocketbaseKeys";
export { normalizeParams } from "./core/normalizeParams";
export type { NormalizedParams } from "./core/normalizeParams";
export { parseKey } from "./core/parseKey";
export type { ParsedKey } from "./core/parseKey";
export { listQueryOptions } from "./core/listQueryOptions";
export { fullListQueryOptions } from "./core/fullListQueryOptions";
export { infiniteListQueryOptions } from "./core/infiniteListQueryOptions";
export { recordQueryOptions } from "./core/recordQueryOptions";
export { retryPolicy } from "./core/retryPolicy";
export { applyRecordChange } from "./core/applyRecordChange";
export type { RecordChange } from "./core/applyRecordChange";
export { newRecordId } from "./core/newRecordId";
export { formatPocketBaseDate } from "./core/formatPocketBaseDate";
export type { CreateVariables, CreateContext } from "./core/createRecordMutation";
export type { UpdateVariables, UpdateContext } from "./core/updateRecordMutation";
export type { DeleteContext } from "./core/deleteRecordMutation";
export type { ComposedContext } from "./core/composeMutationOptions";
export { realtimeHub } from "./core/realtimeHub";
export type { RealtimeHub, RealtimeHubOptions, RealtimeListener, RealtimeTopic } from "./core/realtimeHubTypes";
export type { RealtimeStatus } from "./core/realtimeStatusStore";
export { realtimeCacheListener } from "./core/realtimeCacheListener";
export type { RealtimeStrategy, RecordEvent, SharedCacheListener } from "./core/realtimeCacheListener";
export { invalidationBatcher } from "./core/invalidationBatcher";
export { clearPocketBaseCache } from "./core/clearPocketBaseCache";
export { compileFilter } from "./core/filter/compileFilter";
export { fieldTypesRegistry } from "./core/fieldTypesRegistry";
export type { FieldTypes, FilterPredicate } from "./core/filter/types";
export { compileSort } from "./core/compileSort";
export type { SortComparator } from "./core/compileSort";
export type { ListQueryParams, PageQueryParams, PocketBaseRecord, RecordQueryParams } from "./core/types";

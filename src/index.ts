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
export { usePendingChanges } from "./usePendingChanges";
export { useFileUrl } from "./useFileUrl";
export { useBatch } from "./useBatch";
export { resumableBatches } from "./resumableBatches";
export type { BatchOperationOf, UpsertId, UseBatchOptions } from "./useBatch";
export type { FileRecord, FileUrl, FileUrlOptions } from "./useFileUrl";
export { fileTokenKey } from "./core/keys/fileTokenKey";
export type { PendingChange } from "./core/mutations/pendingChangeOf";
export { pocketbasePersistOptions } from "./pocketbasePersistOptions";
export type { PocketBasePersistOptions, PocketBasePersistSettings, StoredMutation, StoredQuery } from "./pocketbasePersistOptions";
export type { PersistedClient, Persister } from "./core/persist/persistTypes";
export { useAuth } from "./useAuth";
export type { AuthState } from "./useAuth";
export { useAuthWithPassword } from "./useAuthWithPassword";
export { useSignOut } from "./useSignOut";
export { useAuthMethods } from "./useAuthMethods";
export { useRequestOTP } from "./useRequestOTP";
export { useAuthWithOTP } from "./useAuthWithOTP";
export { useAuthWithOAuth2 } from "./useAuthWithOAuth2";
export { useRequestVerification } from "./useRequestVerification";
export { useConfirmVerification } from "./useConfirmVerification";
export { useRequestPasswordReset } from "./useRequestPasswordReset";
export { useConfirmPasswordReset } from "./useConfirmPasswordReset";
export type { EmailRequestVariables } from "./core/mutations/emailRequestMutation";
export type { ConfirmVerificationVariables } from "./core/mutations/confirmVerificationMutation";
export type { ConfirmPasswordResetVariables } from "./core/mutations/confirmPasswordResetMutation";
export type { RequestOTPVariables } from "./core/mutations/requestOTPMutation";
export type { AuthWithOTPKept, AuthWithOTPVariables } from "./core/mutations/authWithOTPMutation";
export type { AuthWithPasswordKept, AuthWithPasswordVariables } from "./core/mutations/authWithPasswordMutation";
export type { AuthWithOAuth2Variables } from "./core/mutations/authWithOAuth2Mutation";
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
  SecretMutationResult,
  UseAuthMethodsOptions,
} from "./types";

// Framework-free core
export { pocketbaseForRequest } from "./core/auth/pocketbaseForRequest";
export type { PocketBaseForRequest, PocketBaseForRequestOptions } from "./core/auth/pocketbaseForRequest";
export { keepAuthCookie } from "./core/auth/keepAuthCookie";
export type { UploadProgress } from "./core/mutations/progressFetch";
export type {
  BatchContext,
  BatchCreate,
  BatchDelete,
  BatchFailure,
  BatchKind,
  BatchOperation,
  BatchResult,
  BatchUpdate,
  BatchUpsert,
} from "./core/mutations/batchTypes";
export { batchKey } from "./core/keys/batchKey";
export { pocketbaseKeys } from "./core/keys/pocketbaseKeys";
export { authMethodsKey } from "./core/keys/authMethodsKey";
export { normalizeParams } from "./core/keys/normalizeParams";
export type { NormalizedParams } from "./core/types";
export { parseKey } from "./core/keys/parseKey";
export type { ParsedKey } from "./core/keys/parseKey";
export { listQueryOptions } from "./core/queries/listQueryOptions";
export { fullListQueryOptions } from "./core/queries/fullListQueryOptions";
export { infiniteListQueryOptions } from "./core/queries/infiniteListQueryOptions";
export { recordQueryOptions } from "./core/queries/recordQueryOptions";
export { retryPolicy } from "./core/queries/retryPolicy";
export { applyRecordChange } from "./core/cache/applyRecordChange";
export type { RecordChange } from "./core/cache/applyRecordChange";
export { newRecordId } from "./core/mutations/newRecordId";
export { formatPocketBaseDate } from "./core/mutations/formatPocketBaseDate";
export type { CreateVariables, CreateContext } from "./core/mutations/createRecordMutation";
export type { UpdateVariables, UpdateContext } from "./core/mutations/updateRecordMutation";
export type { DeleteContext } from "./core/mutations/deleteRecordMutation";
export type { ComposedContext } from "./core/mutations/composeMutationOptions";
export { realtimeHub } from "./core/realtime/realtimeHub";
export type { RealtimeHub, RealtimeHubOptions, RealtimeListener, RealtimeTopic } from "./core/realtime/realtimeHubTypes";
export type { RealtimeStatus } from "./core/realtime/realtimeStatusStore";
export { realtimeCacheListener } from "./core/realtime/realtimeCacheListener";
export type { RealtimeStrategy, RecordEvent, SharedCacheListener } from "./core/realtime/realtimeCacheListener";
export type { RecordEventInfo } from "./core/realtime/recordEventListener";
export type { CollectionWrite, PendingWrite } from "./core/optimistic/pendingWrites";
export { invalidationBatcher } from "./core/realtime/invalidationBatcher";
export { clearPocketBaseCache } from "./core/optimistic/clearPocketBaseCache";
export { compileFilter } from "./core/filter/compileFilter";
export { fieldTypesRegistry } from "./core/filter/fieldTypesRegistry";
export type { FieldDeclaration, FieldTypes, FilterPredicate } from "./core/filter/types";
export { compileSort } from "./core/filter/compileSort";
export type { SortComparator } from "./core/filter/compileSort";
export type { ListQueryParams, PageQueryParams, PocketBaseRecord, RecordQueryParams } from "./core/types";

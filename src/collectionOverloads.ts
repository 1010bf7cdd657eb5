// Reads a typed client's collection() overloads into the name → record map of CollectionMap.
import type Client from "pocketbase";
import type { RecordModel, RecordService } from "pocketbase";
import type { UnresolvedCollectionRecord } from "./typedCollections";

/** The keys of `M` that are literals, not index signatures. @internal */
export type LiteralKeys<M> = keyof {
  [K in keyof M as string extends K ? never : number extends K ? never : K]: 0;
} &
  string;

/** The `collection` signatures a client declares itself, each as a plain function type. @internal */
export type CollectionSignatures<TClient> = TClient extends { collection: infer F } ? Signatures<OwnSignatures<F>> : never;

/**
 * `F` without the SDK's untyped `collection()`, which an intersection such as pocketbase-typegen's
 * `PocketBase & { collection(...) }` carries (inference drops the constituent both sides share).
 * @internal
 */
type OwnSignatures<F> = F extends Client["collection"] & infer TOwn ? TOwn : F;

/**
 * The call signatures of an overloaded function type, as a union. TypeScript infers from the last
 * overload only; intersecting the signatures already read in front of the type makes it drop their
 * duplicates (the first one stays), so the next overload becomes the last, until `() => never`. A
 * generic signature comes back with its type parameters at their constraints, never equal to the
 * original, so reading stops at a parameter list already seen. Tail-recursive: not limited to ~50
 * overloads.
 * @internal
 */
type Signatures<F, TRead = unknown, TOut = never, TSeen = never> = F extends (...args: infer A) => infer R
  ? A extends []
    ? TOut
    : true extends SeenBefore<A, TSeen>
      ? TOut
      : Signatures<
          TRead & ((...args: A) => R) & Pick<F, keyof F> & F,
          TRead & ((...args: A) => R) & Pick<F, keyof F>,
          TOut | ((...args: A) => R),
          TSeen | [A]
        >
  : TOut;

/** Whether parameter list `A` is (mutually assignable to) one in `TSeen`. @internal */
type SeenBefore<A, TSeen> = TSeen extends [infer B] ? ([A] extends [B] ? ([B] extends [A] ? true : false) : false) : false;

/** The name a signature answers: its literal(s), or `string` for an untyped fallback. @internal */
export type SignatureName<S> = S extends (idOrName: infer N, ...rest: never[]) => unknown
  ? string extends N
    ? string
    : N & string
  : never;

/** The record type a signature's `RecordService` holds. @internal */
export type SignatureRecord<S> = S extends (idOrName: infer N, ...rest: never[]) => RecordService<infer M>
  ? string extends N
    ? RecordModel
    : IsUnion<N> extends true
      ? IsUnion<M> extends true
        ? UnresolvedCollectionRecord
        : M
      : M
  : RecordModel;

/** @internal */
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** @internal */
type IsUnion<T> = [T] extends [UnionToIntersection<T>] ? false : true;

// Reading a typed client's collection() overloads into a name -> record map (CollectionMap in
// typedCollections.ts). Type-level only; not part of the public API.
import type Client from "pocketbase";
import type { RecordModel, RecordService } from "pocketbase";
import type { UnresolvedCollectionRecord } from "./typedCollections";

/** The keys of `M` that are literals, not index signatures. */
export type LiteralKeys<M> = keyof {
  [K in keyof M as string extends K ? never : number extends K ? never : K]: 0;
} &
  string;

/** The `collection` signatures a client declares itself, each as a plain function type. */
export type CollectionSignatures<TClient> = TClient extends { collection: infer F } ? Signatures<OwnSignatures<F>> : never;

/**
 * The SDK's untyped `collection()` removed from an intersection such as pocketbase-typegen's
 * `PocketBase & { collection(...) }`: inference drops the constituent both sides share. An
 * interface that extends `PocketBase` replaces the method, so there is nothing to remove.
 */
type OwnSignatures<F> = F extends Client["collection"] & infer TOwn ? TOwn : F;

/**
 * The call signatures of an overloaded function type, as a union. TypeScript infers from the
 * last overload only; intersecting the signatures already read in front of the type makes it
 * drop their duplicates (identical signatures merge, the first one stays), so the next
 * overload becomes the last. `() => never` marks the end. A generic signature is read with its
 * type parameters at their constraints, which never equals the original, so it would come back
 * forever: stop at a parameter list already seen. Tail-recursive, so it is not limited to ~50
 * overloads.
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

/** Whether parameter list `A` is (mutually assignable to) one in `TSeen`. */
type SeenBefore<A, TSeen> = TSeen extends [infer B] ? ([A] extends [B] ? ([B] extends [A] ? true : false) : false) : false;

/** The name a signature answers: its literal(s), or `string` for an untyped fallback. */
export type SignatureName<S> = S extends (idOrName: infer N, ...rest: never[]) => unknown
  ? string extends N
    ? string
    : N & string
  : never;

/** The record type a signature's `RecordService` holds. */
export type SignatureRecord<S> = S extends (idOrName: infer N, ...rest: never[]) => RecordService<infer M>
  ? string extends N
    ? RecordModel
    : IsUnion<N> extends true
      ? IsUnion<M> extends true
        ? UnresolvedCollectionRecord
        : M
      : M
  : RecordModel;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type IsUnion<T> = [T] extends [UnionToIntersection<T>] ? false : true;

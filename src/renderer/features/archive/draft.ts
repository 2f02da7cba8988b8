import type { OrderDraft, ProductCatalogue } from '../../../shared/domain/archive';
import { evaluateOptions, type OptionChoices, type OptionsEvaluation } from '../../../shared/domain/option-constraints';
import { notificationEmailsProblem, parseEmails } from '../../../shared/domain/notification-emails';
import { customerReferenceError } from '../../ui/purchase/customerReference';

/** The basket's order form as typed; '' means "not chosen". */
export interface OrderFormValues {
  choices: OptionChoices;
  deliveryType: string;
  primaryMarket: string;
  secondaryMarket: string;
  country: string;
  customerReference: string;
  /** As typed: addresses separated by commas, semicolons or spaces. */
  notificationEmails: string;
}

export interface DraftContext {
  accountId: string;
  contractId: string;
  productTypeId: string;
  aoiId: string;
  searchId: string | null;
  sceneIds: string[];
  /** Whether the provider takes notification e-mails (OneAtlas requires them; GeoAPI takes none). */
  notifies: boolean;
}

export interface DraftOutcome {
  draft: OrderDraft | null;
  evaluation: OptionsEvaluation;
  /** Field -> message, for what stops pricing (options errors are in `evaluation.errors`). */
  problems: Partial<Record<'basket' | 'deliveryType' | 'primaryMarket' | 'secondaryMarket' | 'country' | 'customerReference' | 'notificationEmails' | 'options', string>>;
  /** The delivery type used: the chosen one, else the first offered. */
  deliveryType: string;
}

const offered = (list: { value: string }[], value: string) => value !== '' && list.some((v) => v.value === value);

/**
 * The one request that prices, quotes and orders the basket (OrderDraft), or what is missing. Markets
 * and the end-user country are declarations the provider holds the buyer to, so they are never guessed;
 * the delivery type defaults to the first offered (every provider lists its standard one first).
 */
export function buildDraft(ctx: DraftContext, catalogue: ProductCatalogue, form: OrderFormValues): DraftOutcome {
  const evaluation = evaluateOptions(catalogue.options, form.choices);
  const problems: DraftOutcome['problems'] = {};
  if (ctx.sceneIds.length === 0 || !ctx.searchId) problems.basket = 'Add at least one scene to the basket.';
  const deliveryType = offered(catalogue.deliveryTypes, form.deliveryType) ? form.deliveryType : (catalogue.deliveryTypes[0]?.value ?? '');
  if (!deliveryType) problems.deliveryType = 'The provider offers no delivery type for this product.';
  if (!offered(catalogue.primaryMarkets, form.primaryMarket)) problems.primaryMarket = 'Choose the primary market.';
  const secondary = catalogue.secondaryMarkets[form.primaryMarket] ?? [];
  if (secondary.length > 0 && !offered(secondary, form.secondaryMarket)) problems.secondaryMarket = 'Choose the secondary market.';
  if (catalogue.countries.length > 0 && !offered(catalogue.countries, form.country)) problems.country = 'Choose the end user’s country.';
  const refError = customerReferenceError(form.customerReference);
  if (refError) problems.customerReference = refError;
  const emails = ctx.notifies ? parseEmails(form.notificationEmails) : [];
  const emailProblem = ctx.notifies ? notificationEmailsProblem(emails, 'order') : null;
  if (emailProblem) problems.notificationEmails = emailProblem;
  if (!evaluation.valid) problems.options = `${Object.keys(evaluation.errors).length} production option(s) need attention.`;
  if (Object.keys(problems).length > 0 || !ctx.searchId) return { draft: null, evaluation, problems, deliveryType };
  return {
    draft: {
      accountId: ctx.accountId,
      contractId: ctx.contractId,
      productTypeId: ctx.productTypeId,
      aoiId: ctx.aoiId,
      sceneIds: ctx.sceneIds,
      searchId: ctx.searchId,
      options: evaluation.choices,
      deliveryType,
      primaryMarket: form.primaryMarket,
      secondaryMarket: secondary.length > 0 ? form.secondaryMarket : null,
      country: catalogue.countries.length > 0 ? form.country : null,
      customerReference: form.customerReference.trim(),
      notificationEmails: emails,
    },
    evaluation,
    problems,
    deliveryType,
  };
}

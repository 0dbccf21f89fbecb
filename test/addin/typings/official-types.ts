/// <reference types="office-js" />
/**
 * Compile-time test (part of `npm run typecheck`): the official Excel.* types of @types/office-js
 * must fit the gateway's hand-written interfaces in addin/excel/office-types.ts, so a member the
 * gateway declares differently from the real API fails the typecheck. Nothing here runs.
 */
import type * as G from '../../../addin/excel/office-types';
import type { ExcelGlobal } from '../../../addin/excel/run';

/** Compiles only when From is assignable to To. */
export type Fits<From extends To, To> = [From, To];

export type OfficialToGateway = [
  Fits<Excel.RequestContext, G.RequestContext>,
  Fits<Excel.Workbook, G.Workbook>,
  Fits<Excel.WorksheetCollection, G.WorksheetCollection>,
  Fits<Excel.Worksheet, G.Worksheet>,
  Fits<Excel.Range, G.Range>,
  Fits<Excel.RangeAreas, G.RangeAreas>,
  Fits<Excel.RangeFormat, G.RangeFormat>,
  Fits<Excel.RangeFont, G.RangeFont>,
  Fits<Excel.RangeFill, G.RangeFill>,
  Fits<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>, G.EventHandlerResult>,
  Fits<Excel.WorksheetChangedEventArgs, G.WorksheetChangedEventArgs>,
  Fits<OfficeExtension.ClientResult<string[]>, G.ClientResult<string[]>>,
  Fits<Excel.CustomXmlPartCollection, G.CustomXmlPartCollection>,
  Fits<Excel.CustomXmlPartScopedCollection, G.CustomXmlPartScopedCollection>,
  Fits<Excel.CustomXmlPart, G.CustomXmlPart>,
];

/** Objects the gateway hands in to Excel must be what Excel accepts. */
export type GatewayToOfficial = [
  Fits<G.SettableCellProperties, Excel.SettableCellProperties>,
  Fits<G.InsertWorksheetOptions, Excel.InsertWorksheetOptions>,
];

/** The Excel.run overloads run.ts calls. */
export type RunFits = Fits<typeof Excel.run, ExcelGlobal['run']>;

import type { RouteSpec } from '../../core/http/route.js';
import { conversionMappingRoutes } from './conversion-mapping.routes.js';
import { leadAssignmentRoutes } from './lead-assignment.routes.js';
import { leadConversionRoutes } from './lead-conversion.routes.js';

/** What leads have beside the generic record routes: conversion, its mapping, round-robin. */
export const leadRoutes: RouteSpec[] = [...leadConversionRoutes, ...conversionMappingRoutes, ...leadAssignmentRoutes];

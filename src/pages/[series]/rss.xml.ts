import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { seriesFeedRoutes } from '../../archive.ts';
import { feedResponse } from '../../feeds.ts';

export const getStaticPaths = seriesFeedRoutes;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => feedResponse(props, site);

import { flatRoutes } from '@remix-run/fs-routes'
import type { RouteConfig } from '@remix-run/route-config'

/** The routes are the files in app/routes, by Remix's flat-routes convention (React Router 7 reads this file as it is). */
export default flatRoutes() satisfies RouteConfig
